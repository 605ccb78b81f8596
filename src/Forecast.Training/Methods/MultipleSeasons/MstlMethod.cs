using System.Text.Json;
using System.Text.Json.Serialization;
using Forecast.Domain.Seasonality;
using Forecast.Training.Methods.Ets;

namespace Forecast.Training.Methods.MultipleSeasons;

/// <summary>
/// R's <c>forecast(mstl(x), method = "ets")</c> (forecast 8.20): the history decomposed by MSTL into a trend, one season per
/// period and a remainder; the seasonally adjusted series (trend plus remainder) forecast by automatic non-seasonal ETS,
/// which gives the intervals; each season forecast by repeating its last cycle.
/// </summary>
public sealed class MstlMethod : IStatisticalMethod
{
    internal const string MethodName = "mstl";

    // A history of odd values can leave sigma^2 not finite; the state must still be written, as ets's is.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Name => MethodName;

    public bool DecomposesSeasons => true;

    public string Description =>
        "MSTL and ETS as R's forecast(mstl(x)): every seasonal period (seasonalPeriods, e.g. a day and a week) decomposed and repeated, the seasonally adjusted series forecast by non-seasonal ETS.";

    public FittedMethod Fit(FitInput input, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(input);
        var held = Mstl.PeriodsHeld(input.History.Count, input.SeasonalPeriods);
        var decomposition = held.Length > 0 ? Mstl.Decompose(input.History, held) : null;
        var choice = EtsSelection.Choose(decomposition?.SeasonallyAdjusted() ?? [.. input.History], 1, cancellation);
        var state = JsonSerializer.SerializeToElement(new MstlState(held, input.History.Count, EtsSnapshot.Of(choice, 1)), Json);
        return new FittedMethod(new MstlForecaster(held, choice.Model, input.History.Count), state, [Seasons(input.SeasonalPeriods, held), .. EtsMethod.Describe(choice)]);
    }

    /// <exception cref="ArgumentException">The state was not written by <see cref="Fit"/>.</exception>
    public IFittedForecaster Restore(JsonElement state, int seasonalPeriod)
    {
        var stored = state.Deserialize<MstlState>(Json) ?? throw new ArgumentException("The state holds no mstl model.", nameof(state));
        return new MstlForecaster(stored.Periods, stored.Adjusted.ToModel(1), stored.HistoryLength);
    }

    private static string Seasons(IReadOnlyList<int> asked, int[] held)
    {
        var dropped = asked.Except(held).ToArray();
        var droppedNote = dropped.Length == 0 ? "" : $"; {string.Join(" and ", dropped)} left out, as R's mstl leaves out a period the history does not hold more than twice (or one below 2)";
        if (held.Length == 0)
        {
            return $"mstl: no season to decompose{droppedNote}, so non-seasonal ETS forecasts the history itself.";
        }
        var windows = string.Join(" and ", held.Select((_, k) => Mstl.SeasonalWindow(k)));
        return $"mstl: seasons of {string.Join(" and ", held)} decomposed by MSTL ({Mstl.DefaultIterations} rounds of STL, seasonal windows {windows}), each forecast by repeating its last cycle and renewed every {held[0]} points{droppedNote}; non-seasonal ETS on the seasonally adjusted series, whose intervals are the forecast's:";
    }

    /// <summary>What a fit stores: the periods decomposed, the length of the history fitted and the ETS of its adjusted values.</summary>
    private sealed record MstlState(int[] Periods, int HistoryLength, EtsSnapshot Adjusted);
}
