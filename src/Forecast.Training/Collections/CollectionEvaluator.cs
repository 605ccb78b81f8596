using Forecast.Domain.Series;
using Forecast.Domain.Evaluation;
using Forecast.Training.Evaluation;
using Forecast.Training.Intervals;

namespace Forecast.Training.Collections;

/// <summary>One member scored on its test tail, with the multi-step forecast's intervals there.</summary>
/// <param name="Intervals">Per test point, its intervals at <see cref="ConformalCalibration.DefaultLevels"/>; empty lists for a model without intervals.</param>
/// <param name="Fallback">Why the Theta method forecast the member instead of the model's method; null when the method did.</param>
/// <param name="Method">
/// The method that forecast the member: the model's, the one <c>auto</c> picked for it, or theta for a fallback; null in
/// evaluations stored before it was kept.
/// </param>
public sealed record EvaluatedMember(ScoredMember Score, IReadOnlyList<IReadOnlyList<PredictionInterval>> Intervals, string? Fallback, string? Method = null);

/// <summary>
/// One horizon step over a collection's members: the absolute error of the model and of each baseline in MASE units
/// (each member's error divided by its own scale), averaged over the members whose scale is positive.
/// </summary>
public sealed record StepMase(int Step, double? Mase, double? NaiveMase, double? SeasonalNaiveMase, double? ThetaMase);

/// <summary>At one interval level, the mean over members of their MSIS (<see cref="IntervalScore"/>); null when no member has a scale.</summary>
public sealed record MeanIntervalScore(double Level, double? Msis);

/// <summary>A collection's evaluation: every member scored, the collection's accuracy over them and its pooled interval coverage.</summary>
/// <param name="Coverage">Per level, the share of all members' test points inside their intervals; empty for a model without intervals.</param>
/// <param name="Steps">Per horizon step, the mean error in MASE units of the model and the baselines.</param>
/// <param name="IntervalScores">Per level, the members' mean MSIS, the M4 competition's interval score; empty for a model without intervals.</param>
public sealed record CollectionEvaluation(
    IReadOnlyList<EvaluatedMember> Members, CollectionAccuracy Accuracy, IReadOnlyList<IntervalCoverage> Coverage, IReadOnlyList<StepMase> Steps,
    IReadOnlyList<MeanIntervalScore> IntervalScores)
{
    /// <summary>Members the model's method could not forecast and the Theta method did.</summary>
    public int Fallbacks => Members.Count(m => m.Fallback is not null);
}

/// <summary>
/// Scores a fitted collection, whatever its method, on each member's last <c>testSize</c> points as R's <c>forecast()</c> is scored: a recursive
/// forecast of the whole tail from its origin, MASE scaled by the in-sample seasonal-naive MAE of everything before
/// the tail, beside naive, seasonal naive, Naive2 and Theta on the same tail.
/// </summary>
public static class CollectionEvaluator
{
    /// <summary>A member's forecasts of its tail with the scale that turns their errors into MASE units.</summary>
    private sealed record Forecasts(double Scale, IReadOnlyList<double> Actual, IReadOnlyList<double> Model,
        IReadOnlyList<double> Naive, IReadOnlyList<double> SeasonalNaive, IReadOnlyList<double> Theta);

    public static CollectionEvaluation Evaluate(ICollectionForecaster model, IReadOnlyList<GlobalMember> members, int testSize)
    {
        var period = model.SeasonalPeriod;
        var histories = members.Select(m => (m.Key, (IReadOnlyList<double>)m.Values.Take(m.Values.Count - testSize).ToArray())).ToList();
        var predictions = model.ForecastAll(histories, testSize, model.HasIntervals ? IntervalLevels.Default : IntervalLevels.None, CovariatesOf(members));
        var scored = members.Select((member, i) =>
        {
            var history = histories[i].Item2;
            var actual = member.Values.Skip(history.Count).ToArray();
            var scale = AccuracyMetrics.MaseScale(history, period);
            AccuracyMetrics Score(IReadOnlyList<double> forecast) => AccuracyMetrics.Compute(actual, forecast, scale);
            var forecasts = new Forecasts(scale, actual, predictions[i].Select(step => step.Value).ToArray(), Baselines.Naive(history, testSize),
                Baselines.SeasonalNaive(history, testSize, period), Theta.Forecast(history, testSize, period));
            var score = new ScoredMember(member.Key, actual, forecasts.Model, Score(forecasts.Model),
                Score(forecasts.Naive),
                Score(forecasts.SeasonalNaive),
                Score(Naive2.Forecast(history, testSize, period)),
                Score(forecasts.Theta));
            var intervals = predictions[i].Select(step => step.Intervals ?? []).ToArray();
            return (Member: new EvaluatedMember(score, intervals, model.FallbackFor(member.Key, history), model.MethodFor(member.Key, history)), Forecasts: forecasts);
        }).ToList();
        var evaluated = scored.Select(s => s.Member).ToList();
        var coverage = IntervalCoverage.Of(
            evaluated.SelectMany(m => m.Intervals).ToArray(), evaluated.SelectMany(m => m.Score.Actual).ToArray());
        return new CollectionEvaluation(evaluated, CollectionAccuracy.Of(evaluated.Select(m => m.Score).ToList()), coverage,
            ByStep(scored.Select(s => s.Forecasts).Where(f => f.Scale > 0).ToList(), testSize),
            IntervalScores(scored.Select(s => (s.Member, s.Forecasts.Scale)).ToList()));
    }

    /// <summary>Each member's covariates by key, for <see cref="ICollectionForecaster.ForecastAll"/>.</summary>
    public static IReadOnlyDictionary<string, Covariates> CovariatesOf(IReadOnlyList<GlobalMember> members) =>
        members.ToDictionary(m => m.Key, m => m.Covariates, StringComparer.Ordinal);

    // Members forecast without intervals (a fallback's, where the model has none) are left out, as from the coverage.
    private static List<MeanIntervalScore> IntervalScores(IReadOnlyList<(EvaluatedMember Member, double Scale)> members)
    {
        var withIntervals = members.Where(m => m.Member.Intervals.Count > 0 && m.Member.Intervals.All(step => step.Count > 0)).ToList();
        return withIntervals.SelectMany(m => m.Member.Intervals[0].Select(interval => interval.Level)).Distinct().Order()
            .Select(level => new MeanIntervalScore(level, FiniteMean.Of(withIntervals.Select(m => MemberMsis(m.Member, m.Scale, level)))))
            .ToList();
    }

    private static double? MemberMsis(EvaluatedMember member, double scale, double level)
    {
        var bounds = member.Intervals.Select(step => step.Single(interval => interval.Level == level)).ToArray();
        return IntervalScore.Msis(member.Score.Actual, bounds.Select(b => b.Lower).ToArray(), bounds.Select(b => b.Upper).ToArray(), level, scale);
    }

    private static List<StepMase> ByStep(IReadOnlyList<Forecasts> scaled, int testSize) =>
        Enumerable.Range(0, testSize).Select(h =>
        {
            double? Mean(Func<Forecasts, IReadOnlyList<double>> of) => FiniteMean.Of(scaled.Select(f => (double?)(Math.Abs(f.Actual[h] - of(f)[h]) / f.Scale)));
            return new StepMase(h + 1, Mean(f => f.Model), Mean(f => f.Naive), Mean(f => f.SeasonalNaive), Mean(f => f.Theta));
        }).ToList();
}
