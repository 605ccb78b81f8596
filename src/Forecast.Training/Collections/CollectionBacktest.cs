using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Evaluation;

namespace Forecast.Training.Collections;

/// <summary>
/// One origin of a collection's backtest: every member forecast from <see cref="PeriodsBeforeTestTail"/> periods before its
/// own test tail over the test size, and scored there as the collection's evaluation scores the test tails.
/// </summary>
/// <param name="PeriodsBeforeTestTail">How far before each member's test tail the origin lies: 0 for the last window, the evaluation's own points.</param>
/// <param name="Accuracy">The collection's accuracy in this window: means and medians over members beside naive, seasonal naive, Naive2 and Theta.</param>
/// <param name="Steps">Per horizon step, the mean error over members in MASE units of the model and the baselines.</param>
/// <param name="Coverage">Per level, the share of every member's points in this window inside its interval, pooled; empty without a calibration.</param>
/// <param name="Fallbacks">
/// Members the Theta method forecast in this window, never left out: those the model always forecasts so, and those
/// with fewer points before this origin than its method needs.
/// </param>
public sealed record CollectionBacktestWindow(
    int PeriodsBeforeTestTail,
    CollectionAccuracy Accuracy,
    IReadOnlyList<StepMase> Steps,
    IReadOnlyList<IntervalCoverage> Coverage,
    IReadOnlyList<string> Fallbacks)
{
    public static CollectionBacktestWindow Of(int periodsBeforeTestTail, CollectionEvaluation evaluation) => new(
        periodsBeforeTestTail, evaluation.Accuracy, evaluation.Steps, evaluation.Coverage,
        evaluation.Members.Where(m => m.Fallback is not null).Select(m => m.Score.Key).ToList());
}

/// <summary>
/// A rolling-origin backtest of a collection's model, whatever its method, as <see cref="Backtest"/> is of a series' model: the windows'
/// origins are counted back from each member's own test tail, so members of different lengths end their windows alike.
/// Without refitting, earlier windows fall on points the model was trained or validated on: it measures stability.
/// </summary>
/// <param name="Refit">Whether each window's model was trained on every member's points before its origin only.</param>
/// <param name="Steps">Per horizon step, the windows' mean errors in MASE units averaged over the windows.</param>
/// <param name="MeanMase">The collection's mean MASE averaged over windows: what a promotion compares when a backtest is present.</param>
public sealed record CollectionBacktest(
    int Step,
    bool Refit,
    IReadOnlyList<CollectionBacktestWindow> Windows,
    IReadOnlyList<StepMase> Steps,
    double? MeanMase,
    double? MeanSmape,
    double? MeanSeasonalNaiveMase,
    double? MeanThetaMase)
{
    /// <summary>The windows asked for, as <see cref="BacktestRequest.PeriodsBeforeTestTail"/> counts them on these members.</summary>
    /// <exception cref="Forecast.Domain.DomainValidationException">Windows or step out of range.</exception>
    /// <exception cref="Forecast.Domain.UnprocessableException">The windows leave the shortest member too few points before the first origin.</exception>
    public static IReadOnlyList<int> PeriodsBefore(BacktestRequest request, IReadOnlyList<GlobalMember> members, int testSize)
    {
        var shortest = members.MinBy(m => m.Values.Count)!;
        return request.PeriodsBeforeTestTail(shortest.Key, shortest.Values.Count, testSize, HyperparameterResolver.MinimumMemberHistory);
    }

    /// <summary>A backtest of one fitted collection from the windows <paramref name="request"/> asks for, without refitting.</summary>
    /// <exception cref="Forecast.Domain.UnprocessableException">The windows leave the shortest member too few points before the first origin.</exception>
    public static CollectionBacktest Run(ICollectionForecaster model, IReadOnlyList<GlobalMember> members, int testSize, BacktestRequest request) =>
        Run(model, members, testSize, PeriodsBefore(request, members, testSize), request.Step ?? testSize);

    /// <summary>A backtest of one fitted collection from each window, without refitting.</summary>
    public static CollectionBacktest Run(ICollectionForecaster model, IReadOnlyList<GlobalMember> members, int testSize, IReadOnlyList<int> periodsBefore, int step) =>
        Of(periodsBefore.Select(before => CollectionBacktestWindow.Of(before, CollectionEvaluator.Evaluate(model, Before(members, before), testSize))).ToList(),
            step, refit: false);

    /// <summary>Every member less its last <paramref name="periods"/> points, so that a window's points are its test tail.</summary>
    public static IReadOnlyList<GlobalMember> Before(IReadOnlyList<GlobalMember> members, int periods) =>
        periods == 0 ? members : members.Select(m => m with { Values = m.Values.Take(m.Values.Count - periods).ToArray() }).ToList();

    public static CollectionBacktest Of(IReadOnlyList<CollectionBacktestWindow> windows, int step, bool refit)
    {
        var horizon = windows.Min(w => w.Steps.Count);
        var steps = Enumerable.Range(0, horizon).Select(h => new StepMase(h + 1,
            MeanOf(windows, w => w.Steps[h].Mase),
            MeanOf(windows, w => w.Steps[h].NaiveMase),
            MeanOf(windows, w => w.Steps[h].SeasonalNaiveMase),
            MeanOf(windows, w => w.Steps[h].ThetaMase))).ToList();
        return new CollectionBacktest(step, refit, windows, steps, MeanOf(windows, w => w.Accuracy.Model.Mase), MeanOf(windows, w => w.Accuracy.Model.Smape),
            MeanOf(windows, w => w.Accuracy.SeasonalNaive.Mase), MeanOf(windows, w => w.Accuracy.Theta.Mase));
    }

    private static double? MeanOf(IReadOnlyList<CollectionBacktestWindow> windows, Func<CollectionBacktestWindow, double?> of) => FiniteMean.Of(windows.Select(of));
}
