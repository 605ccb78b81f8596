using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Lstm;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Auto;
using Forecast.Training.Methods.Ensemble;

namespace Forecast.Training.Collections;

/// <summary>A fitted and evaluated collection model, whatever its method, and what was chosen while building it, in plain words.</summary>
/// <param name="Stored">What the model store keeps: a global network, or every member's statistical fit.</param>
/// <param name="EpochsRun">A network's epochs trained; for a statistical method, the members fitted.</param>
/// <param name="TrainingWindows">Windows of all members the network trained on, before <c>windowsPerEpoch</c> drew from them; 0 for a statistical method.</param>
/// <param name="Validation">An ensemble's scores on the validation parts: each component's, then the ensemble's; null for any other method.</param>
public sealed record BuiltCollectionModel(
    StoredCollectionForecaster Stored,
    CollectionEvaluation Evaluation,
    int EpochsRun,
    int BestEpoch,
    bool StoppedEarly,
    int TrainingWindows,
    IReadOnlyList<string> Choices,
    IReadOnlyList<ValidationScore>? Validation = null)
{
    /// <summary>The global network's weights, members' views and calibration; null for a statistical method.</summary>
    public GlobalModelArtifact? Artifact => Stored.Network;
}

/// <summary>
/// Everything between a collection's run and its stored model, for every method. A network: one trained on every member
/// (<see cref="GlobalTrainer"/>), its intervals calibrated on the members' validation parts pooled
/// (<see cref="PooledCalibration"/>). A statistical method: fitted to each member on its own points before its test tail
/// (<see cref="MemberFitting"/>). The ensemble: both, combined (<see cref="CollectionEnsemble"/>). Each is then scored on
/// every member's test tail through the collection contract (<see cref="CollectionEvaluator"/>).
/// </summary>
/// <remarks>
/// Transform "auto" is chosen per member by a rule (<see cref="MemberTransforms"/>), not by training candidates, so a
/// resumed run chooses exactly as its first attempt did and nothing needs keeping between attempts.
/// </remarks>
public static partial class CollectionModelBuilder
{
    /// <param name="members">Every member whole; only the evaluation looks at their test tails.</param>
    /// <param name="resumeFrom">A network's checkpoint of this same run to continue from, or null to start afresh.</param>
    /// <param name="options">How the network sees its windows; <see cref="GlobalTrainingOptions.Default"/> unless a benchmark measures another.</param>
    /// <param name="warmStart">A collection model of <paramref name="hp"/>'s shape to start from (<see cref="GlobalTrainer.Train"/>).</param>
    /// <param name="fitted">Members a statistical method (or the ensemble's statistical part) fitted in an earlier attempt of this same run: kept, the others fitted.</param>
    public static BuiltCollectionModel Build(
        IReadOnlyList<GlobalMember> members,
        Hyperparameters hp,
        ITrainingObserver observer,
        CancellationToken cancellation,
        TrainingCheckpoint? resumeFrom = null,
        GlobalTrainingOptions? options = null,
        GlobalWarmStart? warmStart = null,
        IReadOnlyList<MemberFit>? fitted = null)
    {
        var statistical = hp.TrainsNetwork ? null : ForecastingMethods.Statistical(hp.Method)!;
        var built = statistical is not null
            ? Fit(statistical, members, hp, fitted ?? [], observer, cancellation)
            : hp.Method == EnsembleMethod.MethodName
                ? BuildEnsemble(members, hp, observer, resumeFrom, options ?? GlobalTrainingOptions.Default, fitted ?? [], cancellation)
                : BuildNetwork(members, hp, observer, resumeFrom, options ?? GlobalTrainingOptions.Default, warmStart, cancellation);
        // The members share their covariates' names (CollectionBuilder), so the first member's say what the collection carries.
        var covariates = members.Count == 0 ? Covariates.None : members[0].Covariates;
        return ExplainCovariates(statistical, hp, covariates) is { } said ? built with { Choices = [.. built.Choices, said] } : built;
    }

    /// <summary>
    /// How the method used the collection's covariates: the network reads them; arima regresses on those known ahead (and
    /// says so in its members' fits) and leaves the past-only ones out; the other statistical methods use none. Null when
    /// there is nothing to say.
    /// </summary>
    private static string? ExplainCovariates(IStatisticalMethod? statistical, Hyperparameters hp, Covariates covariates)
    {
        if (covariates.IsEmpty)
        {
            return null;
        }
        if (statistical is { UsesCovariates: true })
        {
            return covariates.PastOnlyNames is { Count: > 0 } names
                ? ForecastingMethods.PastOnlyNotUsed(names, $"{statistical.Name} needs every covariate's value at each step it forecasts")
                : null;
        }
        var ahead = covariates.KnownAhead.Names;
        var read = (ahead.Count > 0 ? $"the network reads {string.Join(", ", ahead)} at every step of a member's window and at each of the {hp.TestSize} steps it forecasts at once" : "the network")
            + (covariates.PastOnlyNames is { Count: > 0 } pastOnly ? $"{(ahead.Count > 0 ? "," : "")} reads {string.Join(", ", pastOnly)} (past-only) at every step of a member's window" : "")
            + ", each scaled by its range over the member's own training part";
        return statistical is not null ? ForecastingMethods.CovariatesNotUsed(hp.Method, covariates)
            : hp.Method == EnsembleMethod.MethodName ? $"covariates: {read}; its ets, arima and theta components forecast from the target's own past."
            : $"covariates: {read}.";
    }

    private static BuiltCollectionModel BuildNetwork(IReadOnlyList<GlobalMember> members, Hyperparameters hp, ITrainingObserver observer,
        TrainingCheckpoint? resumeFrom, GlobalTrainingOptions options, GlobalWarmStart? warmStart, CancellationToken cancellation)
    {
        var trained = GlobalTrainer.Train(members, hp, options, observer, cancellation, resumeFrom, warmStart);
        var artifact = trained.Artifact;
        using var model = new GlobalModel(artifact);
        var evaluation = CollectionEvaluator.Evaluate(model, members, hp.TestSize);

        var choices = new List<string>();
        if (trained.SeenAfresh > 0)
        {
            choices.Add($"{trained.SeenAfresh} of {members.Count} members were not learned by the model this run started from (new, forecast by Theta, or no longer positive for its logarithm); each got its own transform and scaler.");
        }
        if (evaluation.Fallbacks > 0)
        {
            choices.Add($"{evaluation.Fallbacks} of {members.Count} members are too short for lookback {hp.Lookback} with their transform and are forecast by the Theta method; the evaluation names them.");
        }
        if (hp.ValidationFraction > 0)
        {
            choices.Add(GlobalTrainer.ExplainValidation(trained, hp));
        }
        return new BuiltCollectionModel(new StoredCollectionForecaster(hp.Method, artifact, Fits: null, hp.SeasonalPeriod), evaluation,
            trained.EpochsRun, trained.BestEpoch, trained.StoppedEarly, trained.TrainingWindows, choices);
    }

    /// <summary>Fits a statistical method to every member not fitted before, then scores the collection through its restored fits.</summary>
    private static BuiltCollectionModel Fit(IStatisticalMethod method, IReadOnlyList<GlobalMember> members, Hyperparameters hp,
        IReadOnlyList<MemberFit> fittedBefore, ITrainingObserver observer, CancellationToken cancellation)
    {
        var fits = MemberFitting.FitAll(method, members, hp, fittedBefore, observer, cancellation);
        var stored = new StoredCollectionForecaster(method.Name, Network: null, fits, hp.SeasonalPeriod);
        using var model = ForecastingMethods.RestoreCollection(stored);
        var evaluation = CollectionEvaluator.Evaluate(model, members, hp.TestSize);
        string[] picked = method is AutoMethod ? [AutoMethod.Tally(fits.Select(f => f.State).ToList())] : [];
        return new BuiltCollectionModel(stored, evaluation, EpochsRun: members.Count, BestEpoch: members.Count, StoppedEarly: false, TrainingWindows: 0,
            [MemberFitting.Explain(method.Name, members.Count, fittedBefore), .. picked]);
    }
}
