using System.Globalization;
using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Training.Diagnostics;
using MathNet.Numerics.Statistics;

namespace Forecast.Training.Transforms;

/// <summary>The steps the diagnostics point to, with the findings behind each in plain words.</summary>
/// <param name="TrySeasonalIndices">Seasonal indices are worth a candidate: the phases differ beyond a trend.</param>
public sealed record TransformSuggestion(bool Log, bool SeasonalDifference, bool Difference, bool TrySeasonalIndices, IReadOnlyList<string> Findings)
{
    /// <summary>The diagnostics' own pipeline, used when there is no validation part to compare candidates on.</summary>
    public TransformPipeline Pipeline => new(Log, SeasonalDifference, Difference);

    /// <summary>Every pipeline made of the suggested steps (none of them included), simplest first: the "auto" candidates.</summary>
    public IReadOnlyList<TransformPipeline> Candidates =>
        TransformPipeline.All.Where(p => (!p.Log || Log) && (!p.SeasonalDifference || SeasonalDifference)
            && (!p.Deseasonalize || TrySeasonalIndices) && (!p.Difference || Difference)).ToArray();
}

/// <summary>Reads the series before the test tail for the steps a transform should take.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>log: every value is positive and the typical step size grows with the level (the mean absolute
/// first difference of each season-long block correlates with the block's mean above 0.5, across at least
/// four blocks whose means span a factor of 1.5 or more): multiplicative variation that a log makes additive.</item>
/// <item>seasonal difference: <see cref="Seasonality.Detect"/> finds the seasonal period itself, with strength.</item>
/// <item>seasonal indices: the phases differ beyond a trend (<see cref="SeasonalIndices.PhasesDifferPValue"/>
/// below 10 %). A weaker sign than the one above, which needs three seasons and a clear autocorrelation peak, and
/// a looser level than the tests' 5 %, because a short series cannot prove its season: Seattle's 36 months of
/// rainfall before the test tail show no clear seasonality above and differ by month at p 0.06, yet their
/// average wet winters and dry summers forecast better than any model without them. A needless candidate
/// costs one more training, and validation rejects it; a daily series without a weekly rhythm (p 0.86 for
/// Seattle's) is spared it.</item>
/// <item>first difference: after the seasonal difference where there is one, ADF cannot reject a unit root or KPSS rejects level
/// stationarity (5 %), i.e. a trend or wandering level an LSTM on scaled levels cannot extrapolate.</item>
/// </list>
/// The validation comparison of the candidates has the last word: these findings only shortlist.
/// </remarks>
public static class TransformDiagnosis
{
    private const double Alpha = 0.05;
    private const double ShortlistAlpha = 0.10;
    private const double MinimumVarianceCorrelation = 0.5;
    private const double MinimumLevelRatio = 1.5;
    private const int MinimumBlocks = 4;

    /// <param name="beforeTest">The series before its test tail.</param>
    /// <param name="allPositive">Whether the whole series (whose history every forecast is made from) is positive.</param>
    public static TransformSuggestion Suggest(IReadOnlyList<double> beforeTest, bool allPositive, int seasonalPeriod)
    {
        // Every test below is 0 / 0 on a constant series (and refuses one): there is no level, season or trend to take out.
        if (beforeTest.All(v => v == beforeTest[0]))
        {
            return new TransformSuggestion(false, false, false, false,
                [$"constant (every value is {beforeTest[0].ToString(CultureInfo.InvariantCulture)}), so nothing to transform"]);
        }
        var findings = new List<string>();
        var log = allPositive && GrowsWithLevel(beforeTest, Math.Max(seasonalPeriod, 2), findings);
        if (!allPositive)
        {
            findings.Add("not all values are positive, so no log");
        }
        var levels = log ? beforeTest.Select(v => Math.Log(v)).ToArray() : beforeTest.ToArray();
        var working = levels;

        var seasonal = false;
        if (seasonalPeriod >= 2 && working.Length >= 3 * seasonalPeriod)
        {
            var found = Seasonality.Detect(working, seasonalPeriod);
            seasonal = found.IsSeasonal && found.Period == seasonalPeriod;
            findings.Add(seasonal
                ? $"seasonal with period {seasonalPeriod} (strength {F(found.Strength!.Value)})"
                : $"no clear seasonality at period {seasonalPeriod}");
        }
        if (seasonal)
        {
            working = working.Skip(seasonalPeriod).Select((v, i) => v - working[i]).ToArray();
        }

        var difference = IsNonStationary(working, seasonal ? "after the seasonal difference" : null, findings);
        return new TransformSuggestion(log, seasonal, difference, PhasesDiffer(levels, seasonalPeriod, findings), findings);
    }

    private static bool PhasesDiffer(double[] values, int period, List<string> findings)
    {
        if (period < 2 || values.Length < 2 * period)
        {
            findings.Add($"too short to deseasonalize by period {period} (two seasons needed)");
            return false;
        }
        var p = SeasonalIndices.PhasesDifferPValue(values, period);
        var differ = p < ShortlistAlpha;
        findings.Add(differ
            ? $"its {period} phases differ beyond a trend (p {F(p)}), so deseasonalizing is worth trying"
            : $"its {period} phases do not differ beyond a trend (p {F(p)}), so no deseasonalizing");
        return differ;
    }

    private static bool GrowsWithLevel(IReadOnlyList<double> values, int block, List<string> findings)
    {
        var blocks = values.Count / block;
        if (blocks < MinimumBlocks)
        {
            findings.Add($"too short to judge whether variation grows with the level ({blocks} blocks of {block}), so no log");
            return false;
        }
        var levels = new double[blocks];
        var steps = new double[blocks];
        for (var b = 0; b < blocks; b++)
        {
            var start = b * block;
            levels[b] = Enumerable.Range(start, block).Average(t => values[t]);
            var from = Math.Max(start, 1);
            steps[b] = Enumerable.Range(from, start + block - from).Average(t => Math.Abs(values[t] - values[t - 1]));
        }
        var ratio = levels.Max() / levels.Min();
        var correlation = Correlation.Pearson(levels, steps);
        var grows = ratio >= MinimumLevelRatio && correlation > MinimumVarianceCorrelation;
        // Blocks alike in level or in step (a season repeated exactly) leave no correlation to measure: 0 / 0.
        var measured = double.IsFinite(correlation) ? $"correlation {F(correlation)}" : "every block alike in level or in step";
        findings.Add(grows
            ? $"variation grows with the level (correlation {F(correlation)} over {blocks} blocks whose level spans x{F(ratio)}), so a log"
            : $"variation does not grow with the level enough for a log ({measured}, level spans x{F(ratio)})");
        return grows;
    }

    private static bool IsNonStationary(double[] values, string? after, List<string> findings)
    {
        var where = after is null ? "" : $" {after}";
        AdfResult? adf = null;
        KpssResult? kpss = null;
        try
        {
            adf = AugmentedDickeyFuller.Test(values);
            kpss = Kpss.Test(values);
        }
        catch (UnprocessableException e)
        {
            findings.Add($"stationarity tests not run{where} ({e.Message}), so no difference");
            return false;
        }
        var nonStationary = adf.PValue >= Alpha || kpss.PValue < Alpha;
        findings.Add(nonStationary
            ? $"not stationary{where} (ADF p {F(adf.PValue)}, KPSS p {F(kpss.PValue)}), so a first difference"
            : $"stationary{where} (ADF p {F(adf.PValue)}, KPSS p {F(kpss.PValue)}), so no first difference");
        return nonStationary;
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
