using System.Globalization;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Lstm;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Ensemble;

namespace Forecast.Training.Collections;

public static partial class CollectionModelBuilder
{
    /// <summary>
    /// The ensemble: ets, arima and theta fitted to every member not fitted before (each with its forecast of the member's
    /// validation part), then the global network trained as an lstm run's is; the four forecasts of every validation part
    /// combined by their median per step score each component and the ensemble and calibrate its intervals.
    /// </summary>
    /// <remarks>
    /// The members' fits come first, reported as a statistical method's are (the run's epochs 1 to the members), and the
    /// network's epochs follow them (<see cref="EpochsAfterMemberFits"/>), so that a resumed run keeps its fits and
    /// continues the network from its checkpoint.
    /// </remarks>
    private static BuiltCollectionModel BuildEnsemble(IReadOnlyList<GlobalMember> members, Hyperparameters hp, ITrainingObserver observer,
        TrainingCheckpoint? resumeFrom, GlobalTrainingOptions options, IReadOnlyList<MemberFit> fittedBefore, CancellationToken cancellation)
    {
        var afterFits = new EpochsAfterMemberFits(observer, members.Count, hp.Epochs);
        var fits = MemberFitting.FitAll(new StatisticalComponents(), members, hp, fittedBefore, afterFits, cancellation);
        var trained = GlobalTrainer.Train(members, hp, options, afterFits, cancellation, afterFits.Continuing(resumeFrom));
        var network = trained.ValidationForecasts
            ?? throw new ArgumentException("The ensemble is combined on the validation parts: it needs validationFraction above 0.", nameof(hp));

        // Every component's forecast of every member's validation part, in the members' order.
        var parts = members.Select(m => ValidationPart.Of(m, hp.TestSize)).ToList();
        var statistical = fits.Select(f => StatisticalComponents.ValidationForecasts(f.State)).ToList();
        List<(string Method, double[][] Forecasts)> components =
        [
            (LstmMethod.MethodName, [.. parts.Select(p => network[p.Key])]),
            .. EnsembleMethod.StatisticalComponents.Select((name, c) => (name, statistical.Select(s => s[c]).ToArray())),
        ];
        var combined = parts.Select((_, i) => EnsembleMedian.Of(components.Select(c => c.Forecasts[i]).ToList())).ToArray();
        List<ValidationScore> scores =
        [
            .. components.Select(c => new ValidationScore(c.Method, ValidationPart.MeanMase(parts, c.Forecasts, hp.SeasonalPeriod))),
            new(EnsembleMethod.MethodName, ValidationPart.MeanMase(parts, combined, hp.SeasonalPeriod)),
        ];

        var artifact = trained.Artifact with { Calibration = ValidationPart.Calibrate(parts, combined, hp.SeasonalPeriod) };
        var stored = new StoredCollectionForecaster(EnsembleMethod.MethodName, artifact, fits, hp.SeasonalPeriod);
        using var model = ForecastingMethods.RestoreCollection(stored);
        var evaluation = CollectionEvaluator.Evaluate(model, members, hp.TestSize);

        var choices = new List<string> { MemberFitting.Explain("ets, arima and theta", members.Count, fittedBefore) };
        var networkFallbacks = artifact.Members.Count(m => m.Fallback is not null);
        if (networkFallbacks > 0)
        {
            choices.Add($"{networkFallbacks} of {members.Count} members are too short for lookback {hp.Lookback} with their transform: the Theta method stands in for their lstm component, and the median runs over it with ets, arima and theta; the evaluation names them.");
        }
        choices.Add(GlobalTrainer.ExplainValidation(trained, hp));
        choices.Add(ExplainScores(scores, hp));
        return new BuiltCollectionModel(stored, evaluation, trained.EpochsRun, trained.BestEpoch, trained.StoppedEarly, trained.TrainingWindows, choices, scores);
    }

    /// <param name="scores">Each component's, then the ensemble's.</param>
    private static string ExplainScores(IReadOnlyList<ValidationScore> scores, Hyperparameters hp)
    {
        var components = scores.SkipLast(1).ToList();
        var best = components.MinBy(s => s.Mase)!;
        var ensemble = scores[^1];
        return string.Create(CultureInfo.InvariantCulture,
            $"ensemble: on every member's last {hp.TestSize} points before its test tail, mean MASE {string.Join(", ", components.Select(s => $"{s.Method} {s.Mase:0.###}"))}; {best.Method} validated best of the components, and the median of the four scored {ensemble.Mase:0.###}{(ensemble.Mase < best.Mase ? ", better than any of them" : "")}. Its errors there calibrate the intervals.");
    }
}
