using System.Globalization;

namespace Forecast.Training.Diagnostics;

/// <summary>Short plain-language findings for readers who do not want to read p-values.</summary>
internal static class Interpretation
{
    public static IReadOnlyList<string> Describe(
        AdfResult? adf,
        KpssResult? kpss,
        IReadOnlyList<PortmanteauResult> ljungBox,
        SeasonalityResult seasonality,
        double alpha,
        IEnumerable<string> notes)
    {
        var level = Format(alpha * 100, "0.##") + " %";
        var findings = new List<string>();
        if (adf is not null)
        {
            findings.Add(adf.PValue < alpha
                ? $"stationary at {level} ({P("ADF", adf.PValue)}): a unit root is rejected"
                : $"not stationary at {level} ({P("ADF", adf.PValue)}): a unit root cannot be rejected");
        }
        if (kpss is not null)
        {
            var p = kpss.PValueOutsideTable
                ? $"KPSS p {(kpss.PValue <= 0.01 ? "<" : ">")} {Format(kpss.PValue, "0.##")}"
                : P("KPSS", kpss.PValue);
            findings.Add(kpss.PValue < alpha
                ? $"not level-stationary at {level} ({p})"
                : $"level-stationary at {level} ({p})");
        }
        if (adf is not null && kpss is not null && (adf.PValue < alpha) == (kpss.PValue < alpha))
        {
            // The tests have opposite null hypotheses; statsmodels' ADF/KPSS guide reads their disagreement so.
            findings.Add(adf.PValue < alpha
                ? "ADF and KPSS disagree: the series is likely difference-stationary (differencing should make it stationary)"
                : "ADF and KPSS disagree: the series is likely trend-stationary (remove the trend rather than difference)");
        }

        var autocorrelated = ljungBox.FirstOrDefault(r => r.PValue < alpha);
        findings.Add(autocorrelated is not null
            ? $"autocorrelated: not white noise (Ljung-Box lag {autocorrelated.Lag} {P(null, autocorrelated.PValue!.Value)})"
            : "no significant autocorrelation: consistent with white noise (" +
              string.Join(", ", ljungBox.Select(r => $"Ljung-Box lag {r.Lag} " + (r.PValue is { } p ? P(null, p) : "p undefined"))) + ")");

        findings.Add(seasonality switch
        {
            { IsSeasonal: true } => $"seasonal, period {seasonality.Period} (strength {Format(seasonality.Strength!.Value, "0.00")})",
            { Period: int period } => $"no clear seasonality (strongest candidate period {period}, strength {Format(seasonality.Strength!.Value, "0.00")})",
            _ => "no clear seasonality",
        });
        findings.AddRange(notes);
        return findings;
    }

    private static string P(string? test, double p)
    {
        var prefix = test is null ? "p" : $"{test} p";
        return p < 0.001 ? $"{prefix} < 0.001" : $"{prefix} = {Format(p, "0.###")}";
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
