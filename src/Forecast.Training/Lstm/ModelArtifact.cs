using System.Text.Json.Serialization;
using Forecast.Domain.Runs;
using Forecast.Training.Intervals;

namespace Forecast.Training.Lstm;

/// <summary>Everything needed to rebuild a trained network in another process and forecast with it.</summary>
/// <param name="Weights">Each ensemble member's state as written by TorchSharp's Module.save, packed by <see cref="WeightBundle"/>.</param>
/// <param name="Optimizer">Each member's Adam state at the kept weights, packed likewise, for a <see cref="WarmStart"/> to continue from; null for models stored before it was kept.</param>
/// <param name="Outputs">
/// Steps the network forecasts at once from a window: 1 for a network fed its own predictions, which models stored before
/// direct networks existed are; a longer forecast feeds back a block of this many steps at a time.
/// </param>
/// <param name="Scaler">Fitted on the transformed training part.</param>
/// <param name="TorchSharpVersion">The TorchSharp version that wrote <paramref name="Weights"/>.</param>
/// <param name="Transform">The pipeline the network's inputs went through; never "auto" here.</param>
/// <param name="SeasonalPeriod">The seasonal difference's lag; the longest of <paramref name="SeasonalPeriods"/> when there are several.</param>
/// <param name="Calibration">Validation residuals for prediction intervals; null without a validation part.</param>
/// <param name="RelativeWindows">
/// Whether the network sees each window less its last value and predicts the change from it (a global model's
/// local normalisation, Hewamalage et al. 2021), rather than the scaled levels themselves. False for models stored
/// before it existed.
/// </param>
/// <param name="Covariates">
/// The covariates the network reads beside the series, in the order of its inputs, each with its scaler; null for a
/// network of the series' own past, as every model stored before covariates existed is.
/// </param>
/// <param name="SeasonalPeriods">
/// Every season of the run, shortest first, when there are two or three, which a deseasonalizing transform takes out by
/// MSTL; null for the one <paramref name="SeasonalPeriod"/>, as every model stored before several seasons existed has.
/// </param>
/// <param name="EvolvingSeason">
/// Whether a deseasonalizing transform takes one season out as STL's seasonal part, which changes slowly over the years and
/// repeats its last cycle, rather than as fixed phase indices (<see cref="Transforms.ISeasonalPart.Fit"/>): a global
/// model's members since it measured better on the tourism sets' validation parts (docs/accuracy.md); false for one
/// series' network and for models stored before.
/// </param>
public sealed record ModelArtifact(
    byte[] Weights,
    MinMaxScaler Scaler,
    int Lookback,
    int HiddenSize,
    int Layers,
    string TorchSharpVersion,
    TransformPipeline Transform,
    int SeasonalPeriod,
    ConformalCalibration? Calibration = null,
    bool RelativeWindows = false,
    byte[]? Optimizer = null,
    int Outputs = 1,
    IReadOnlyList<CovariateScaler>? Covariates = null,
    IReadOnlyList<int>? SeasonalPeriods = null,
    bool EvolvingSeason = false)
{
    /// <summary>The covariates' scalers, none for a network of the series' own past.</summary>
    [JsonIgnore]
    public IReadOnlyList<CovariateScaler> CovariateScalers => Covariates ?? [];

    /// <summary>Every season the transform sees, shortest first: <see cref="SeasonalPeriods"/>, or the one <see cref="SeasonalPeriod"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> Seasons => SeasonalPeriods ?? [SeasonalPeriod];

    public static string CurrentTorchSharpVersion { get; } =
        typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3) ?? "unknown";
}
