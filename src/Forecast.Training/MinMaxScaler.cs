namespace Forecast.Training;

/// <summary>Maps values linearly onto [0, 1] using the range of the data it was fitted on.</summary>
/// <remarks>
/// Fitted on the training part only: fitting on the whole series (as the tutorial does) leaks the
/// range of the test tail into training. Values outside the fitted range map outside [0, 1].
/// </remarks>
public sealed record MinMaxScaler(double Min, double Max)
{
    public static MinMaxScaler Fit(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        return new MinMaxScaler(min, max);
    }

    // A constant training part has no range; scaling by 1 keeps values finite and invertible.
    private double Range => Max > Min ? Max - Min : 1.0;

    public double Transform(double value) => (value - Min) / Range;

    public double Inverse(double scaled) => scaled * Range + Min;

    public float[] Transform(IReadOnlyList<double> values)
    {
        var scaled = new float[values.Count];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = (float)Transform(values[i]);
        }
        return scaled;
    }
}
