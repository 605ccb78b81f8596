using System.Numerics;

namespace Forecast.Training.Lstm;

/// <summary>Combines an ensemble's forecasts element by element: a network ensemble's outputs, or the ensemble method's components.</summary>
internal static class EnsembleMedian
{
    /// <summary>The median of each element across <paramref name="outputs"/> (one array per member, all the same length); of an even count, the mean of the middle two.</summary>
    public static T[] Of<T>(IReadOnlyList<T[]> outputs) where T : INumber<T>
    {
        if (outputs.Count == 1)
        {
            return outputs[0];
        }
        var two = T.One + T.One;
        var combined = new T[outputs[0].Length];
        var column = new T[outputs.Count];
        for (var i = 0; i < combined.Length; i++)
        {
            for (var k = 0; k < outputs.Count; k++)
            {
                column[k] = outputs[k][i];
            }
            Array.Sort(column);
            var middle = column.Length / 2;
            combined[i] = column.Length % 2 == 1 ? column[middle] : (column[middle - 1] + column[middle]) / two;
        }
        return combined;
    }
}
