using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Lstm;
using Forecast.Training.Transforms;

namespace Forecast.Training.Collections;

/// <param name="EpochsRun">Epochs the validation ran (or, without validation, the epochs trained).</param>
/// <param name="BestEpoch">The epochs the network was trained again for: the epoch validation chose, or every epoch without early stopping.</param>
/// <param name="TrainingWindows">Windows of all members the final network trained on, before any sampling drew from them.</param>
/// <param name="SeenAfresh">Of a warm start's members, those its model had not learned (new, or forecast by Theta then), given their own transform and scaler; 0 without a warm start.</param>
/// <param name="ValidationForecasts">
/// By member key, the validated network's forecast of the member's validation part (<see cref="ValidationPart"/>), whose
/// errors calibrate the intervals: what an ensemble combines with other methods' forecasts of the same parts. Null
/// without validation.
/// </param>
public sealed record GlobalTrainingResult(GlobalModelArtifact Artifact, int EpochsRun, int BestEpoch, bool StoppedEarly, int TrainingWindows, int SeenAfresh = 0,
    IReadOnlyDictionary<string, double[]>? ValidationForecasts = null);

/// <summary>
/// Trains one network on windows from every member of a collection (a global model) that forecasts a member's whole
/// test horizon at once, from its last <c>lookback</c> values, each window relative to its last input.
/// </summary>
/// <remarks>
/// <para>
/// Each member is transformed (<see cref="MemberTransforms"/>: logged when positive, deseasonalised when seasonal), so that
/// a window less its last input is a relative change free of the season; windows of all members are pooled. The loss is
/// absolute, as MASE and sMAPE count errors.
/// </para>
/// <para>
/// With a validation part, training runs twice. First on everything before each member's validation part (its
/// <c>testSize</c> points before the test tail), judged after every epoch by the forecast of those parts in MASE, as the
/// test tail will be judged (<see cref="HoldoutValidation"/>), with early stopping; then again from the same seed on
/// everything before the test tails, for the epochs the first chose, so that the last points, which say most about the
/// future, are learned too. The first training's errors on the validation parts, which it never saw, calibrate the
/// intervals. Without a validation part the network trains once, for the epochs asked, and has no intervals.
/// </para>
/// <para>
/// A member too short for the lookback, horizon and transform is not dropped: the model forecasts it by the Theta method
/// and says so (<see cref="GlobalMemberModel.Fallback"/>). Members are taken in key order, so their order as given changes
/// nothing. Both trainings are <see cref="EpochLoop"/>'s, each resumable from its checkpoints bit for bit; a warm start
/// (<see cref="GlobalWarmStart"/>) begins both from a trained model's weights and sees every member it learned as it did.
/// </para>
/// </remarks>
public static class GlobalTrainer
{
    /// <param name="warmStart">
    /// A collection model (same shape) to start from instead of random weights; null for a cold start. A resumed warm
    /// start passes it too: the checkpoint's weights win, and the members are still seen through the model's scalers.
    /// </param>
    /// <exception cref="UnprocessableException">A member shorter than the test tail plus three points, or no member long enough to train on.</exception>
    public static GlobalTrainingResult Train(
        IReadOnlyList<GlobalMember> members,
        Hyperparameters hp,
        GlobalTrainingOptions options,
        ITrainingObserver observer,
        CancellationToken cancellation,
        TrainingCheckpoint? resumeFrom = null,
        GlobalWarmStart? warmStart = null)
    {
        foreach (var member in members.Where(m => m.Values.Count < hp.TestSize + HyperparameterResolver.MinimumMemberHistory))
        {
            throw new UnprocessableException(
                $"Member '{member.Key}' has {member.Values.Count} points; with testSize {hp.TestSize} held out it needs at least {hp.TestSize + HyperparameterResolver.MinimumMemberHistory}.",
                "testSize");
        }
        var ordered = members.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        if (warmStart is not null)
        {
            WarmStartCovariates.Check(warmStart.Covariates, ordered.Count == 0 ? Covariates.None : ordered[0].Covariates, "the collection");
        }
        var sampling = new WindowSampling(hp.WindowsPerEpoch, options.WindowsPerSeries);
        var before = hp.ValidationFraction > 0 ? Prepare(ordered, hp, options, 2 * hp.TestSize, warmStart) : null;
        var validation = before is null ? null : new HoldoutValidation(before.Artifact([], hp, calibration: null), ordered, hp.TestSize);

        var validated = resumeFrom?.Refit;
        if (validated is not null)
        {
            resumeFrom = RefitObserver.Continuing(resumeFrom!);
        }
        else if (before is not null)
        {
            var chosen = EpochLoop.Run(before.Windows, validation, hp, resumeFrom, observer, cancellation, warmStart?.Network, options.Loss, sampling);
            // Without early stopping every epoch is trained again, as one series keeps its last epoch then.
            validated = new RefitCheckpoint(chosen.EpochsRun, hp.EarlyStoppingPatience is null ? chosen.EpochsRun : chosen.BestEpoch, chosen.StoppedEarly,
                chosen.Weights);
            resumeFrom = null;
        }

        var final = Prepare(ordered, hp, options, hp.TestSize, warmStart);
        var trained = validated is null
            ? EpochLoop.Run(final.Windows, null, hp, resumeFrom, observer, cancellation, warmStart?.Network, options.Loss, sampling)
            : EpochLoop.Run(final.Windows, null, hp with { Epochs = validated.Epochs, EarlyStoppingPatience = null }, resumeFrom,
                new RefitObserver(observer, validated), cancellation, warmStart?.Network, options.Loss, sampling);
        var validationForecasts = validated is null ? null : validation!.Forecast(validated.ValidatedNetwork);
        return new GlobalTrainingResult(
            final.Artifact(trained.Weights, hp, validationForecasts is null ? null : validation!.Calibrate(validationForecasts)) with { Optimizer = trained.Optimizer },
            validated?.ValidationEpochs ?? trained.EpochsRun,
            validated?.Epochs ?? trained.BestEpoch,
            validated?.StoppedEarly ?? false,
            final.Windows.Count,
            final.SeenAfresh,
            validationForecasts?.Zip(validation!.Keys).ToDictionary(f => f.Second, f => f.First, StringComparer.Ordinal));
    }

    /// <summary>What validation chose, in the run's words.</summary>
    public static string ExplainValidation(GlobalTrainingResult trained, Hyperparameters hp) =>
        $"epochs: every member's last {hp.TestSize} points before its test tail validated, forecast at once as the test tail is; " +
        (hp.EarlyStoppingPatience is null
            ? $"without early stopping all {trained.EpochsRun} epochs were trained again"
            : $"after {trained.EpochsRun} epochs{(trained.StoppedEarly ? $" (stopped early, {hp.EarlyStoppingPatience} without improvement)" : "")} epoch {trained.BestEpoch} forecast them best (mean MASE), and the network was trained again for {trained.BestEpoch} epochs") +
        " on everything before the test tails; the validation errors calibrate the intervals.";

    /// <summary>Every member's windows, all of whose targets lie before its last <c>cut</c> points, and how the network sees each member.</summary>
    private sealed record Prepared(Windows Windows, IReadOnlyList<GlobalMemberModel> Views, int SeenAfresh)
    {
        public GlobalModelArtifact Artifact(byte[] weights, Hyperparameters hp, ConformalCalibration? calibration)
        {
            // In the order the network reads them, which every member's scalers share (CovariateScaler.Fit).
            var covariates = Views.FirstOrDefault(v => v.Covariates is not null)?.CovariateScalers ?? [];
            return new(weights, hp.Lookback, hp.HiddenSize, hp.Layers, ModelArtifact.CurrentTorchSharpVersion, hp.SeasonalPeriod, RelativeWindows: true, Views,
                calibration, Outputs: hp.TestSize, Covariates: covariates.Count == 0 ? null : [.. covariates.Select(c => c.Name)],
                PastOnly: covariates.Any(c => c.PastOnly) ? [.. covariates.Where(c => c.PastOnly).Select(c => c.Name)] : null);
        }
    }

    private static Prepared Prepare(List<GlobalMember> members, Hyperparameters hp, GlobalTrainingOptions options, int cut, GlobalWarmStart? warmStart)
    {
        var seenAfresh = 0;
        var views = new List<GlobalMemberModel>(members.Count);
        var windows = new List<Windows>(members.Count);
        foreach (var member in members)
        {
            var history = member.Values.Take(member.Values.Count - cut).ToArray();
            var split = new DataSplit(history.Length, TrainEnd: history.Length, ValidationEnd: history.Length);
            var learned = warmStart?.Learned(member, DataSplit.For(member.Values.Count, hp.TestSize, validationFraction: 0));
            seenAfresh += warmStart is not null && learned is null ? 1 : 0;
            var pipeline = learned?.Transform ?? MemberTransforms.For(history, split, hp.SeasonalPeriod, hp.Transform);
            // A warm start sees a member it learned through the season it learned it with.
            var evolving = learned?.EvolvingSeason ?? options.EvolvingSeasons;
            try
            {
                var prepared = PreparedSeries.Of(history, pipeline, hp.SeasonalPeriod, hp.Lookback, split, relative: true,
                    learned?.Scaler ?? Scaler(history, pipeline, hp.SeasonalPeriod, options.Scale, evolving), hp.TestSize, member.Covariates, learned?.Covariates,
                    evolvingSeason: evolving);
                views.Add(new GlobalMemberModel(member.Key, pipeline, prepared.Scaler, Fallback: null, member.Covariates.IsEmpty ? null : prepared.CovariateScalers,
                    evolving));
                windows.Add(prepared.Train);
            }
            catch (UnprocessableException tooShort)
            {
                views.Add(new GlobalMemberModel(member.Key, pipeline, Scaler: null, $"forecast by the Theta method: {tooShort.Message}"));
            }
        }
        if (windows.Count == 0)
        {
            throw new UnprocessableException(
                $"No member is long enough for lookback {hp.Lookback} and a horizon of {hp.TestSize} with its transform{(hp.ValidationFraction > 0 ? " and validation part" : "")}; shorten the lookback.",
                "lookback");
        }
        return new Prepared(Windows.Concat(windows, hp.Lookback, hp.TestSize), views, seenAfresh);
    }

    /// <returns>Null to fit a MinMax scaler on the transformed history (<see cref="MemberScale.Range"/>).</returns>
    private static MinMaxScaler? Scaler(double[] history, TransformPipeline pipeline, int period, MemberScale scale, bool evolvingSeason)
    {
        if (scale == MemberScale.Range)
        {
            return null;
        }
        if (scale == MemberScale.Level && pipeline.Log)
        {
            return new MinMaxScaler(0, 1);
        }
        var transformed = new TransformedHistory(pipeline, [period], history, evolvingSeason: evolvingSeason);
        var values = transformed.Slice(transformed.Consumed, history.Length);
        var lag = Math.Min(period, values.Length - 1);
        var divisor = scale == MemberScale.Level || lag < 1
            ? values.Average(Math.Abs)
            : Enumerable.Range(lag, values.Length - lag).Average(t => Math.Abs(values[t] - values[t - lag]));
        return new MinMaxScaler(0, divisor > 0 ? divisor : 1);
    }

    /// <summary>
    /// Numbers the second training's epochs after the validation's, its checkpoints too, and adds what validation chose to
    /// them, so that a run's progress and loss curve never hold one number twice and a run resumed from one continues the
    /// second training; <see cref="Continuing"/> numbers one back.
    /// </summary>
    private sealed class RefitObserver(ITrainingObserver inner, RefitCheckpoint validated) : ITrainingObserver
    {
        public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint) =>
            inner.OnEpoch(
                report with { Epoch = validated.ValidationEpochs + report.Epoch, TotalEpochs = validated.ValidationEpochs + report.TotalEpochs },
                () =>
                {
                    var taken = checkpoint();
                    return taken with { Epoch = validated.ValidationEpochs + taken.Epoch, Refit = validated };
                });

        /// <summary>A checkpoint of the second training as numbered here, numbered as that training counts its epochs.</summary>
        public static TrainingCheckpoint Continuing(TrainingCheckpoint numbered) =>
            numbered with { Epoch = numbered.Epoch - numbered.Refit!.ValidationEpochs };
    }
}
