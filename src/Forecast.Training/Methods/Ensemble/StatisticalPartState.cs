using System.Text.Json;

namespace Forecast.Training.Methods.Ensemble;

/// <summary>One statistical component's fit of a history, as the ensemble stores it.</summary>
/// <param name="Method">The component's registered name.</param>
/// <param name="State">Its fit of the whole history (<see cref="FittedMethod.State"/>).</param>
/// <param name="Validation">
/// Its forecast of the history's last <see cref="FitInput.Horizon"/> points (the validation part) by its fit of the
/// points before them: how it scores beside the other components.
/// </param>
public sealed record ComponentFit(string Method, JsonElement State, double[] Validation);

/// <summary>What the ensemble's statistical part stores of one history: each component's fit, in <see cref="EnsembleMethod.StatisticalComponents"/>' order.</summary>
public sealed record StatisticalPartState(IReadOnlyList<ComponentFit> Components);
