using Forecast.Domain.Seasonality;

namespace Forecast.Training.Transforms;

/// <summary>
/// Two or three seasons as MSTL decomposes the points fitted, or one as STL does (<see cref="Mstl"/>): at a fitted index the sum of its seasonal
/// components, after them each component's last cycle repeated, as R's <c>forecast(mstl(x))</c> forecasts the seasons
/// (seasonal naive per component).
/// </summary>
/// <remarks>
/// Unlike phase indices, which average each phase over the whole fit, MSTL lets each season change slowly (within its
/// seasonal window) and repeats its latest cycle, so a daily cycle that grows over the weeks is followed rather than
/// averaged. On a steady season it is no steadier: the longest season's component still rests on as many cycles as its
/// phase indices would (measured in LstmMultipleSeasonsTests).
/// </remarks>
internal sealed class MstlSeasons : ISeasonalPart
{
    private readonly IReadOnlyList<SeasonalComponent> components;
    private readonly int fitted;

    private MstlSeasons(IReadOnlyList<SeasonalComponent> components, int fitted)
    {
        this.components = components;
        this.fitted = fitted;
    }

    /// <summary>MSTL's seasons of the first <paramref name="count"/> values.</summary>
    /// <remarks>A period the points do not hold more than twice is left out, as R's mstl leaves it out; the shortest always fits where the longest fits twice.</remarks>
    public static MstlSeasons Fit(IReadOnlyList<double> values, int count, IReadOnlyList<int> periods) =>
        new(Mstl.Decompose(values.Take(count).ToArray(), periods).Seasonals, count);

    /// <summary>What a run whose transform deseasonalizes by MSTL does, in plain words, for its choices.</summary>
    public static string Describe(Domain.Runs.TransformPipeline pipeline, IReadOnlyList<int> periods) =>
        $"transform {pipeline}: the seasons of {string.Join(" and ", periods)} taken out{(pipeline.Log ? " of the logs" : "")} by MSTL "
        + $"({Mstl.DefaultIterations} rounds of STL, seasonal windows {string.Join(" and ", periods.Select((_, k) => Mstl.SeasonalWindow(k)))}), "
        + "fitted on the training part and, when forecasting, on everything before the origin; after those points each season repeats its last cycle.";

    public double At(int t)
    {
        var sum = 0.0;
        foreach (var component in components)
        {
            sum += component.Values[t < fitted ? t : fitted - component.Period + (t - fitted) % component.Period];
        }
        return sum;
    }
}
