using System.Runtime.CompilerServices;

namespace Forecast.Training.Methods.Ets;

/// <summary>
/// The state x_t of a form's state-space model, carried through a series one observation at a time: the level, the trend
/// and the last m seasonal indices. This recursion runs thousands of times in every fit, so it allocates nothing and is
/// reset in place.
/// </summary>
/// <remarks>
/// The seasonal indices sit in a ring: the slot at <see cref="next"/> holds s_{t+1-m}, the index the next observation sees,
/// and receives s_{t+1} once that observation is smoothed in. Outside, states are written in R's order,
/// [l, b, s_1, ..., s_m] with s_1 the newest index and s_m the oldest (the one the next observation sees).
/// </remarks>
internal sealed class EtsStateVector
{
    // R's guard against dividing by a vanishing level or seasonal index: the ratio is taken as this instead.
    private const double Tiny = 1e-10;
    private const double Huge = 1e10;

    private readonly EtsForm form;
    private readonly double[] seasons;
    private int next;

    /// <param name="period">m; ignored by a form without a season.</param>
    public EtsStateVector(EtsForm form, int period)
    {
        this.form = form;
        seasons = new double[form.HasSeason ? period : 1];
    }

    public double Level { get; private set; }

    public double Trend { get; private set; }

    /// <summary>m for a seasonal form, 1 otherwise.</summary>
    public int Period => seasons.Length;

    /// <summary>Sets the state from <paramref name="states"/> in R's order (see the remarks).</summary>
    public void Reset(ReadOnlySpan<double> states)
    {
        Level = states[0];
        Trend = form.HasTrend ? states[1] : 0;
        if (form.HasSeason)
        {
            var offset = form.HasTrend ? 2 : 1;
            for (var k = 0; k < seasons.Length; k++)
            {
                seasons[k] = states[offset + seasons.Length - 1 - k];
            }
        }
        next = 0;
    }

    /// <summary>The state in R's order (see the remarks).</summary>
    public double[] ToArray()
    {
        var states = new double[form.StateCount(seasons.Length)];
        states[0] = Level;
        if (form.HasTrend)
        {
            states[1] = Trend;
        }
        if (form.HasSeason)
        {
            var offset = form.HasTrend ? 2 : 1;
            for (var k = 0; k < seasons.Length; k++)
            {
                states[offset + seasons.Length - 1 - k] = SeasonAhead(k + 1);
            }
        }
        return states;
    }

    /// <summary>The seasonal index that the observation <paramref name="step"/> steps ahead sees (1 for the next one).</summary>
    public double SeasonAhead(int step) => seasons[(next + (step - 1)) % seasons.Length];

    /// <summary>
    /// The one-step forecast of <paramref name="y"/>, then the state updated by it: the model's recursion in its
    /// error-correction form (Hyndman et al., 2008, table 2.1), as R's etscalc computes it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Observe(in EtsParameters p, double y)
    {
        var dampedTrend = p.Phi * Trend;
        // The level this observation expects before its season: l_{t-1} + phi b_{t-1}.
        var expected = Level + dampedTrend;
        ref var season = ref seasons[next];
        var forecast = form.Season switch
        {
            Component.Additive => expected + season,
            Component.Multiplicative => expected * season,
            _ => expected,
        };
        var deseasonalised = form.Season switch
        {
            Component.Additive => y - season,
            Component.Multiplicative => Math.Abs(season) < Tiny ? Huge : y / season,
            _ => y,
        };
        var level = expected + p.Alpha * (deseasonalised - expected);
        if (form.HasTrend)
        {
            Trend = dampedTrend + p.Beta / p.Alpha * (level - Level - dampedTrend);
        }
        Level = level;
        if (form.HasSeason)
        {
            var detrended = form.Season == Component.Additive
                ? y - expected
                : Math.Abs(expected) < Tiny ? Huge : y / expected;
            season += p.Gamma * (detrended - season);
            next = next + 1 == seasons.Length ? 0 : next + 1;
        }
        return forecast;
    }

    /// <summary>The error of a one-step <paramref name="forecast"/> of <paramref name="y"/>: absolute or relative to the forecast.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ErrorOf(Component error, double y, double forecast) =>
        error == Component.Additive ? y - forecast : (y - forecast) / forecast;
}
