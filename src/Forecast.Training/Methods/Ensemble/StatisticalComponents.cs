using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forecast.Training.Methods.Ensemble;

/// <summary>
/// The ensemble's statistical part on one history: ets, arima and theta, each fitted by its registered method to the whole
/// history, and again to the history less its last <see cref="FitInput.Horizon"/> points to forecast them (the validation
/// part), which scores it beside the network. Its model forecasts by the median of the three.
/// </summary>
/// <remarks>
/// Not registered: a run names the ensemble (<see cref="EnsembleMethod"/>). It is an <see cref="IStatisticalMethod"/> so that
/// a collection's members are fitted by <see cref="Collections.MemberFitting"/> like any statistical method's: in
/// parallel, checkpointed batch by batch, and kept when a run resumes.
/// </remarks>
internal sealed class StatisticalComponents : IStatisticalMethod
{
    // A component may forecast a validation part with values that are not finite; the state must still be written.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Points a history needs before its validation part: the Theta method's least.</summary>
    private const int MinimumHistory = 3;

    public string Name => EnsembleMethod.MethodName;

    public string Description => "ets, arima and theta fitted to one history, each with its forecast of the history's validation part; the ensemble's statistical part.";

    /// <exception cref="ArgumentException">A history without <see cref="MinimumHistory"/> points before its validation part (the resolver refuses such a run).</exception>
    public FittedMethod Fit(FitInput input, CancellationToken cancellation)
    {
        var before = input.History.Count - input.Horizon;
        if (before < MinimumHistory)
        {
            throw new ArgumentException(
                $"The ensemble fits its statistical components before the validation part: {input.History.Count} points less a horizon of {input.Horizon} leave {before}, fewer than {MinimumHistory}.",
                nameof(input));
        }
        var validation = input with { History = input.History.Take(before).ToArray() };
        var fits = EnsembleMethod.StatisticalComponents.Select(name =>
        {
            var method = ForecastingMethods.Statistical(name)!;
            var whole = method.Fit(input, cancellation);
            var held = method.Fit(validation, cancellation).Model.PointForecast(validation.History, input.Horizon);
            return (Whole: whole, Stored: new ComponentFit(name, whole.State, held));
        }).ToList();
        var state = JsonSerializer.SerializeToElement(new StatisticalPartState([.. fits.Select(f => f.Stored)]), Json);
        return new FittedMethod(new MedianForecaster(Name, [.. fits.Select(f => f.Whole.Model)], calibration: null), state,
            [.. fits.SelectMany(f => f.Whole.Choices)]);
    }

    /// <summary>The median of the three components, without intervals: the ensemble's own come from its validation errors.</summary>
    public IFittedForecaster Restore(JsonElement state, int seasonalPeriod) => new MedianForecaster(Name, RestoreEach(state, seasonalPeriod), calibration: null);

    /// <summary>Each component's fitted model, in <see cref="EnsembleMethod.StatisticalComponents"/>' order.</summary>
    /// <exception cref="ArgumentException">The state was not written by <see cref="Fit"/>.</exception>
    public static IReadOnlyList<IFittedForecaster> RestoreEach(JsonElement state, int seasonalPeriod) =>
        [.. Read(state).Components.Select(c => ForecastingMethods.Statistical(c.Method)!.Restore(c.State, seasonalPeriod))];

    /// <summary>Each component's forecast of the validation part, in <see cref="EnsembleMethod.StatisticalComponents"/>' order.</summary>
    /// <exception cref="ArgumentException">The state was not written by <see cref="Fit"/>.</exception>
    public static IReadOnlyList<double[]> ValidationForecasts(JsonElement state) => [.. Read(state).Components.Select(c => c.Validation)];

    private static StatisticalPartState Read(JsonElement state) =>
        state.Deserialize<StatisticalPartState>(Json) is { } read && read.Components.Select(c => c.Method).SequenceEqual(EnsembleMethod.StatisticalComponents)
            ? read
            : throw new ArgumentException($"The state holds no fits of {string.Join(", ", EnsembleMethod.StatisticalComponents)}.", nameof(state));
}
