namespace Forecast.Training.Transforms;

/// <summary>One season as additive indices, element p for phase p (<see cref="SeasonalIndices"/>): the same index every period, before and after the fit.</summary>
internal sealed class PhaseIndices(double[] indices) : ISeasonalPart
{
    public double At(int t) => indices[t % indices.Length];
}
