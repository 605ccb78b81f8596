using System.Text.Json;

namespace Forecast.Training.Collections;

/// <summary>One member's fit by a statistical method, as stored: its key and the method's state (<see cref="Methods.FittedMethod.State"/>).</summary>
public sealed record MemberFit(string Key, JsonElement State);

/// <summary>What the model store keeps of a fitted collection, whatever its method, to rebuild it in any process.</summary>
/// <param name="Method">The method's registered name.</param>
/// <param name="Network">
/// A global network's weights, its members' views and its pooled calibration; null for a statistical method. The
/// ensemble's network holds the ensemble's calibration (<see cref="CollectionEnsemble"/>).
/// </param>
/// <param name="Fits">Every member's fit by a statistical method, or by the ensemble's statistical part, in key order; null for the lstm.</param>
/// <param name="SeasonalPeriod">The season it was fitted with.</param>
public sealed record StoredCollectionForecaster(string Method, GlobalModelArtifact? Network, IReadOnlyList<MemberFit>? Fits, int SeasonalPeriod);
