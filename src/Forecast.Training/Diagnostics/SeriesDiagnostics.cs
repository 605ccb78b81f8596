using Forecast.Domain;
using Forecast.Domain.Series;

namespace Forecast.Training.Diagnostics;

/// <summary>The diagnostics report of a series, and the residual check of a trained model.</summary>
/// <remarks>
/// Input that makes the whole report meaningless (too short, constant, not finite) and bad parameters throw
/// <see cref="UnprocessableException"/> / <see cref="DomainValidationException"/> naming the field. A single
/// test that cannot run on an otherwise usable series (a singular ADF regression, a zero KPSS long-run
/// variance, singular Yule-Walker equations) leaves its section null and says why in the interpretation,
/// so one degenerate statistic does not hide the others. No value in a report is ever NaN or infinite.
/// </remarks>
public static class SeriesDiagnostics
{
    /// <summary>Fewer observations than this leave too few lags for the tests to say anything.</summary>
    public const int MinimumLength = 10;

    /// <param name="covariates">The series' covariates, each cross-correlated with it; none by default.</param>
    /// <exception cref="UnprocessableException">Series shorter than <see cref="MinimumLength"/>, or constant.</exception>
    /// <exception cref="DomainValidationException">A non-finite value, or lags, nlags or alpha out of range.</exception>
    public static DiagnosticsReport Compute(IReadOnlyList<double> values, DiagnosticsOptions? options = null, Covariates? covariates = null)
    {
        options ??= new DiagnosticsOptions();
        SeriesGuards.RequireUsable(values, MinimumLength, "Diagnostics");
        var n = values.Count;
        Autocorrelation.RequireAlpha(options.Alpha);
        var lags = options.Lags ?? DefaultLags(n);
        SeriesGuards.RequireLags(lags, n);
        var nlags = options.Nlags ?? Math.Min(DiagnosticsOptions.DefaultNlags, n / 2 - 1);
        Autocorrelation.RequireNlags(nlags, n / 2 - 1, "half the series length minus one");

        var notes = new List<string>();
        var adf = Attempt(() => AugmentedDickeyFuller.Test(values), "ADF test", notes);
        var kpss = Attempt(() => Kpss.Test(values), "KPSS test", notes);
        var (ljungBox, boxPierce) = PortmanteauTests.Compute(values, lags);
        var acf = Autocorrelation.Acf(values, nlags, options.Alpha);
        var pacf = Attempt(() => Autocorrelation.Pacf(values, nlags, options.Alpha), "PACF", notes);
        var seasonality = Seasonality.Detect(values, options.SeasonalPeriodHint);
        var crossCorrelations = CrossCorrelation.Of(values, covariates ?? Covariates.None, nlags, options.Alpha, notes);

        return new DiagnosticsReport(
            SummaryStatistics.Of(values),
            adf,
            kpss,
            ljungBox,
            boxPierce,
            acf,
            pacf,
            seasonality,
            crossCorrelations,
            Interpretation.Describe(adf, kpss, ljungBox, seasonality, options.Alpha, notes));
    }

    /// <summary>
    /// Ljung-Box on a fitted model's one-step residuals: are they white noise? <paramref name="modelDf"/>
    /// (the number of fitted ARMA-type parameters, 0 for an LSTM) is taken off the degrees of freedom.
    /// </summary>
    /// <param name="lags">Null for the lags of <see cref="DiagnosticsOptions.DefaultLags"/> below the residual count.</param>
    /// <exception cref="UnprocessableException">Fewer than two residuals, or constant residuals.</exception>
    /// <exception cref="DomainValidationException">A non-finite residual, lags out of range or a negative modelDf.</exception>
    public static IReadOnlyList<PortmanteauResult> LjungBox(IReadOnlyList<double> residuals, IReadOnlyList<int>? lags = null, int modelDf = 0)
    {
        SeriesGuards.RequireUsable(residuals, 2, "The Ljung-Box test", "residuals");
        return PortmanteauTests.LjungBox(residuals, lags ?? DefaultLags(residuals.Count), modelDf);
    }

    /// <summary>10 and 20 where the series allows them, else statsmodels' own fallback min(10, n / 5), at least 1.</summary>
    private static int[] DefaultLags(int count)
    {
        var lags = DiagnosticsOptions.DefaultLags.Where(lag => lag < count).ToArray();
        return lags.Length > 0 ? lags : [Math.Max(1, Math.Min(10, count / 5))];
    }

    /// <summary>Runs one statistic; one that cannot be computed on this series is null, and <paramref name="notes"/> says why.</summary>
    internal static T? Attempt<T>(Func<T> test, string name, ICollection<string> notes) where T : class
    {
        try
        {
            return test();
        }
        catch (UnprocessableException e)
        {
            notes.Add($"{name} not computed: {e.Message}");
            return null;
        }
    }
}
