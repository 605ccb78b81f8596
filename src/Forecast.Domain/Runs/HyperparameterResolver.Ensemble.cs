namespace Forecast.Domain.Runs;

public sealed partial class HyperparameterResolver
{
    /// <summary>
    /// Resolves an ensemble's run over a collection: the global network's every field (<see cref="ResolveForCollection"/>),
    /// and what combining it with ets, arima and theta asks of the collection. Every component forecasts every member's
    /// validation part (its testSize points before its test tail), which scores the components and calibrates the
    /// ensemble's intervals: validation cannot be turned off, and each member must hold a little history before that part
    /// for the statistical methods to be fitted on.
    /// </summary>
    /// <exception cref="DomainValidationException">validationFraction 0, or a field out of its range.</exception>
    /// <exception cref="UnprocessableException">A member too short for its test tail, its validation part and a little history before them.</exception>
    public ResolvedHyperparameters ResolveEnsembleForCollection(HyperparameterRequest request, CollectionShape shape, Func<int> randomSeed)
    {
        if (request.ValidationFraction == 0)
        {
            throw new DomainValidationException(
                "The ensemble scores its components and calibrates its intervals on every member's validation part; validationFraction 0 leaves none. Leave validationFraction out.",
                "validationFraction");
        }
        var network = ResolveForCollection(request, shape, randomSeed);
        var hp = network.Hyperparameters with { Method = Hyperparameters.EnsembleMethod };
        var needed = (2 * hp.TestSize) + MinimumMemberHistory;
        if (shape.ShortestLength < needed)
        {
            throw new UnprocessableException(
                $"Member '{shape.ShortestKey}' has {shape.ShortestLength} points; the ensemble fits ets, arima and theta before its validation part as well as before its test tail, so with testSize {hp.TestSize} it needs at least {needed}. Ask for a smaller testSize.",
                "testSize");
        }
        return new ResolvedHyperparameters(hp,
        [
            $"ensemble: the global network below, and ets, arima and theta fitted to each member on its own, forecast by the median of the four per step; each is scored on every member's last {hp.TestSize} points before its test tail, fitted or trained without them.",
            .. network.Choices,
        ]);
    }
}
