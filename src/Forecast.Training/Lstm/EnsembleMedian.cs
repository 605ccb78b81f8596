namespace Forecast.Training.Lstm;

/// <summary>Combines an ensemble's networks' outputs element by element.</summary>
internal static class EnsembleMedian
{
    /// <summary>The median of each element across <paramref name="outputs"/> (one array per network, all the same length).</summary>
    public static float[] Of(IReadOnlyList<float[]> outputs)
    {
        if (outputs.Count == 1)
        {
            return outputs[0];
        }
        var combined = new float[outputs[0].Length];
        var column = new float[outputs.Count];
        for (var i = 0; i < combined.Length; i++)
        {
            for (var k = 0; k < outputs.Count; k++)
            {
                column[k] = outputs[k][i];
            }
            Array.Sort(column);
            var middle = column.Length / 2;
            combined[i] = column.Length % 2 == 1 ? column[middle] : (column[middle - 1] + column[middle]) / 2;
        }
        return combined;
    }
}
