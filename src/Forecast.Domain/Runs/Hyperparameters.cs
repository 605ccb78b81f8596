namespace Forecast.Domain.Runs;

/// <summary>Everything that decides how a model is trained, resolved: no defaults left to apply.</summary>
/// <remarks>
/// The optional parameters' values here describe the plain tutorial model (no transform, no season);
/// the service's own defaults are applied by <see cref="HyperparameterResolver"/>.
/// </remarks>
/// <param name="EarlyStoppingPatience">Epochs without a better validation loss before training stops and the best weights are kept; null for none (the last epoch's weights are kept).</param>
/// <param name="Transform">"auto" (chosen while training, recorded on the run and the model) or a concrete pipeline.</param>
/// <param name="SeasonalPeriod">Lag of the seasonal difference, of seasonal naive and of the MASE scale: the longest of seasonalPeriods when there are several.</param>
/// <param name="SeasonalPeriods">Every season the run decomposes (mstl, or the lstm's deseasonalizing transform by MSTL), shortest first, when there are two or three; null for one, seasonalPeriod.</param>
/// <param name="EnsembleSize">Networks trained from different seeds; the model forecasts the median of their forecasts.</param>
/// <param name="WindowsPerEpoch">At most this many training windows per epoch, drawn afresh each epoch from the seed; null for all.</param>
/// <param name="Method">
/// The forecasting method by its registered name: "lstm" trains a network with every field above, and so does "ensemble",
/// which fits ets, arima and theta besides; a statistical method ("ets", "theta", ...) uses only the test size and the
/// seasonal period, and the network's fields are left at neutral values (0, one epoch, no transform).
/// </param>
public sealed record Hyperparameters(
    int Lookback,
    int HiddenSize,
    int Layers,
    double Dropout,
    int Epochs,
    int? BatchSize,
    double LearningRate,
    double ValidationFraction,
    int TestSize,
    int Seed,
    TransformChoice Transform,
    int? EarlyStoppingPatience = null,
    int SeasonalPeriod = 1,
    int EnsembleSize = 1,
    int? WindowsPerEpoch = null,
    string Method = Hyperparameters.NetworkMethod,
    IReadOnlyList<int>? SeasonalPeriods = null)
{
    /// <summary>The method that trains a network, and the default of every run.</summary>
    public const string NetworkMethod = "lstm";

    /// <summary>The method that trains the network and fits ets, arima and theta too, and forecasts by the median of the four.</summary>
    public const string EnsembleMethod = "ensemble";

    /// <summary>Whether a network is trained, with every field above: by lstm and by the ensemble; false for a statistical method, which is fitted.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool TrainsNetwork => Method is NetworkMethod or EnsembleMethod;

    /// <summary>A statistical method's run: its test tail and season, and nothing of a network.</summary>
    /// <param name="fits">The run's "epochs": one, the fit, on a series; one per member fitted on a collection.</param>
    /// <param name="seasonalPeriods">Its seasons when there are several (<see cref="SeasonalPeriods"/>).</param>
    public static Hyperparameters ForStatisticalMethod(string method, int testSize, int seasonalPeriod, int fits = 1, IReadOnlyList<int>? seasonalPeriods = null) =>
        new(Lookback: 0, HiddenSize: 0, Layers: 0, Dropout: 0, Epochs: fits, BatchSize: null, LearningRate: 0, ValidationFraction: 0, testSize,
            Seed: 0, TransformChoice.Of(TransformPipeline.None), EarlyStoppingPatience: null, seasonalPeriod, EnsembleSize: 1, WindowsPerEpoch: null, method,
            seasonalPeriods);

    /// <summary>Every season of the run, shortest first: <see cref="SeasonalPeriods"/>, or the one <see cref="SeasonalPeriod"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<int> Seasons => SeasonalPeriods ?? [SeasonalPeriod];
}

/// <summary>Hyperparameters as a client asks for them: any of them may be left out.</summary>
/// <remarks>
/// Every choice the service makes for a field left out is recorded, in words, in the run's <c>choices</c>. Not sealed: a run
/// request adds what the run does beyond training (its promotion, its backtest) to the same JSON object.
/// </remarks>
/// <param name="Method">
/// "lstm" (default): a network trained on the series; or a statistical method fitted to it: "ets" (automatic exponential
/// smoothing), "mstl" (every seasonal period decomposed, non-seasonal ETS on the rest), "arima" (automatic ARIMA), "theta",
/// "naive2", "snaive", "naive", "drift". A statistical method takes only testSize and seasonalPeriod (or seasonalPeriods). "ensemble" (collections): the network and ets, arima and theta, combined by their median
/// per step; it takes every field of the network.
/// </param>
/// <param name="Lookback">Past points the network sees per prediction. Default: three seasonal periods, 24 to 120, at most half the training part.</param>
/// <param name="HiddenSize">LSTM units per layer. Default 32.</param>
/// <param name="Layers">Stacked LSTM layers. Default 1.</param>
/// <param name="Dropout">Dropout between stacked layers, 0 to 0.9. Default 0.</param>
/// <param name="Epochs">Passes over the training part; fewer run when early stopping ends the run. Default 100. A collection's network trains twice (first judged on the validation parts, then again on everything before the test tails for the epochs chosen), and its progress counts both.</param>
/// <param name="BatchSize">Training windows per optimizer step. Default: all of them (full batch) for a series, 512 for a collection.</param>
/// <param name="LearningRate">Adam's step size, 1e-6 to 1. Default 0.01 for a series, 0.001 for a collection.</param>
/// <param name="ValidationFraction">Share of the points before the test tail kept for validation (early stopping, transform "auto", intervals), 0 to 0.5. Default 0.2. A collection validates on each member's last testSize points before its test tail instead; only 0 (no validation, no intervals) changes that.</param>
/// <param name="TestSize">Points held out at the end and forecast for the evaluation, at most half the series. Default 10.</param>
/// <param name="Seed">Seed of every random choice; the same seed, series and hyperparameters train the same model. Default: drawn at random and stored.</param>
/// <param name="EarlyStoppingPatience">Epochs without a better validation loss before training stops, keeping the best epoch's weights; 0 turns early stopping off. Default 20 (0 without a validation part).</param>
/// <param name="Transform">
/// "auto" (default: chosen by the diagnostics and the validation error of the candidates), or "none", "log", "difference",
/// "seasonalDifference", "deseasonalize" and their combinations in that order joined by '+', e.g. "log+seasonalDifference+difference";
/// forecasts are carried back to the original scale exactly.
/// </param>
/// <param name="SeasonalPeriod">Lag of seasonal naive, of the MASE scale and of the seasonal steps. Default from the frequency: a day's periods for sub-daily data (24 hourly, 96 every 15 minutes, 1440 every minute), 7 daily, 52 weekly, 12 monthly, 4 quarterly, 1 yearly; set it for another season, e.g. 168 for a weekly one in hourly data. With seasonalPeriods, the longest of them.</param>
/// <param name="SeasonalPeriods">
/// A series' seasons when it has several, ascending: 1 to 3 periods of 2 or more, each at most a third of the training part, e.g.
/// [24, 168] for hourly data (a day and a week). mstl decomposes each, as does lstm's deseasonalize transform (by MSTL);
/// the longest is the seasonalPeriod. Default for mstl: the day and the week of a sub-daily series whose training part
/// holds three weeks, unless the run sets seasonalPeriod;
/// otherwise, and for every method of one season, the one seasonalPeriod. A collection's run takes only seasonalPeriod.
/// </param>
/// <param name="EnsembleSize">Networks trained from seeds derived from the run's, whose forecasts' median is the model's (of two, their mean), 1 to 10. Default 1 for a series, 5 for a collection.</param>
/// <param name="WindowsPerEpoch">
/// At most this many training windows per epoch, drawn afresh each epoch from the seed, which bounds an epoch's time on a
/// large collection. Default: all of them.
/// </param>
public record HyperparameterRequest(
    int? Lookback = null,
    int? HiddenSize = null,
    int? Layers = null,
    double? Dropout = null,
    int? Epochs = null,
    int? BatchSize = null,
    double? LearningRate = null,
    double? ValidationFraction = null,
    int? TestSize = null,
    int? Seed = null,
    int? EarlyStoppingPatience = null,
    string? Transform = null,
    int? SeasonalPeriod = null,
    int? EnsembleSize = null,
    int? WindowsPerEpoch = null,
    string? Method = null,
    IReadOnlyList<int>? SeasonalPeriods = null);
