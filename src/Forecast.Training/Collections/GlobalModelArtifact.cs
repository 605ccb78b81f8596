using System.Text.Json.Serialization;
using Forecast.Domain.Runs;
using Forecast.Training.Intervals;
using Forecast.Training.Lstm;

namespace Forecast.Training.Collections;

/// <summary>How the global model sees one member: its transform and scalers, or why the member is forecast otherwise.</summary>
/// <param name="Fallback">
/// Null when the network forecasts the member; otherwise why it cannot (too short for the lookback and the transform)
/// and the member is forecast by the Theta method instead. Such a member is never dropped.
/// </param>
/// <param name="Covariates">
/// The member's covariates, in the network's order, each with the scaler fitted on the member's own training part (as
/// its values' scaler is); null for a network of the members' own past, as every model stored before covariates existed is.
/// </param>
/// <param name="EvolvingSeason">Whether its season is taken out as STL's rather than as fixed phase indices (<see cref="ModelArtifact.EvolvingSeason"/>); false for models stored before.</param>
public sealed record GlobalMemberModel(string Key, TransformPipeline Transform, MinMaxScaler? Scaler, string? Fallback,
    IReadOnlyList<CovariateScaler>? Covariates = null, bool EvolvingSeason = false)
{
    [JsonIgnore]
    public IReadOnlyList<CovariateScaler> CovariateScalers => Covariates ?? [];
}

/// <summary>One network trained on windows of every member, and each member's view of it.</summary>
/// <param name="Weights">The ensemble's states as <see cref="WeightBundle"/> packs them.</param>
/// <param name="RelativeWindows">Whether windows are seen less their last value (<see cref="ModelArtifact.RelativeWindows"/>).</param>
/// <param name="Calibration">The intervals' calibration, pooled over members (<see cref="PooledCalibration"/>); null without validation parts.</param>
/// <param name="Optimizer">The ensemble's Adam state at the kept weights, for a <see cref="GlobalWarmStart"/> to continue from; null for models stored before it was kept.</param>
/// <param name="Outputs">Steps forecast at once (<see cref="ModelArtifact.Outputs"/>); 1 for models stored before direct networks existed.</param>
/// <param name="Covariates">
/// The covariates the network reads beside every member's values, in its inputs' order, at each step of a window and,
/// unless past-only, at each of the <paramref name="Outputs"/> steps it forecasts; null for a network of the members' own past.
/// </param>
/// <param name="PastOnly">Of <paramref name="Covariates"/>, the past-only ones (the last in its order); null for none.</param>
public sealed record GlobalModelArtifact(
    byte[] Weights,
    int Lookback,
    int HiddenSize,
    int Layers,
    string TorchSharpVersion,
    int SeasonalPeriod,
    bool RelativeWindows,
    IReadOnlyList<GlobalMemberModel> Members,
    ConformalCalibration? Calibration = null,
    byte[]? Optimizer = null,
    int Outputs = 1,
    IReadOnlyList<string>? Covariates = null,
    IReadOnlyList<string>? PastOnly = null)
{
    [JsonIgnore]
    public IReadOnlyList<string> CovariateNames => Covariates ?? [];

    /// <summary>The covariates as the network reads them, each through an identity scaler: each member sees them through its own.</summary>
    [JsonIgnore]
    public IReadOnlyList<CovariateScaler> CovariateInputs =>
        [.. CovariateNames.Select(name => new CovariateScaler(name, new MinMaxScaler(0, 1)) { PastOnly = PastOnly?.Contains(name) == true })];
}
