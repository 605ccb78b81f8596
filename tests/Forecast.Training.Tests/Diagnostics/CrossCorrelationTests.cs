using Forecast.Domain.Series;
using Forecast.Training.Diagnostics;
using Forecast.Training.Tests.Methods.Arima;

namespace Forecast.Training.Tests.Diagnostics;

/// <summary>Covariates' cross-correlations with the series, against R's <c>ccf</c> on US consumption and income.</summary>
public class CrossCorrelationTests
{
    /// <summary>
    /// R 4 (stats), data/us-macro-quarterly.csv (203 quarters):
    /// <c>d &lt;- read.csv("data/us-macro-quarterly.csv"); x &lt;- ccf(d$realdpi, d$realcons, lag.max = 20, plot = FALSE)</c>,
    /// <c>sprintf("%.15g", x$acf)</c>: lags -20..20, lag k estimating cor(realdpi[t+k], realcons[t]).
    /// </summary>
    private static readonly double[] RLevels =
    [
        0.692785356371744, 0.708729058161585, 0.723998236385475, 0.739334701950649, 0.754668774510851, 0.769967586590211, 0.785740774785182,
        0.801578774689058, 0.817374734125517, 0.833443423178986, 0.849505517497183, 0.865361649989161, 0.881181397757917, 0.896701181174982,
        0.911701234931022, 0.927270718985256, 0.941718767141288, 0.956251510480313, 0.970458616824761, 0.984995760644938, 0.999091188612783,
        0.98486759291103, 0.970660100607073, 0.956048191999907, 0.941191809275427, 0.925785486858376, 0.90974298775672, 0.893379644557637,
        0.876651196768609, 0.85979545813107, 0.842862670138584, 0.825828370768683, 0.808944401276537, 0.792208913570812, 0.775485382086416,
        0.758718811991249, 0.742121835318667, 0.725385721791837, 0.70868735428378, 0.692122062926829, 0.675621058317614,
    ];

    /// <summary>As <see cref="RLevels"/>, of the differences: <c>ccf(diff(d$realdpi), diff(d$realcons), lag.max = 20, plot = FALSE)</c>.</summary>
    private static readonly double[] RDifferences =
    [
        0.0573526331036919, 0.0661607072738817, 0.0239938872973002, 0.0561325639462409, 0.0497905412915941, 0.10863431297315, 0.140145960753154,
        0.0725415915579881, 0.0462304102746226, 0.0278736341111553, 0.0316967946006649, 0.022728562211728, 0.111546811327516, 0.0754305580367242,
        0.156993429633928, 0.163469974572544, 0.0680957040580822, 0.272564094697221, 0.154231806844492, 0.331083726642138, 0.370319990815345,
        0.271620618486004, 0.130601059374187, 0.231124936097383, 0.129833203828086, 0.127706997372545, 0.167305965226657, 0.074043003887137,
        0.0442597500654648, 0.204090531133626, 0.0308871884060858, 0.10665332492505, 0.0416501711775532, 0.0460082577146084, 0.024422921446806,
        0.0670134646506282, 0.0531294212468472, 0.048028967528284, 0.0706469227097367, 0.145364322330584, -0.0316601648990572,
    ];

    /// <summary>R's <c>qnorm(0.975) / sqrt(x$n.used)</c>, the band its ccf plot draws, for the 203 levels.</summary>
    private const double RBound = 0.137562503853607;

    private static readonly CovariateCase UsMacro = RegressionData.UsMacro;

    [Fact]
    public void The_cross_correlations_of_income_with_consumption_are_Rs_ccf_of_the_levels_and_of_the_differences()
    {
        var correlation = CrossCorrelation.Of(UsMacro.Values, UsMacro.Covariates, nlags: 20, alpha: 0.05, notes: []).Single();

        Assert.Equal("realdpi", correlation.Covariate);
        Assert.Equal(Enumerable.Range(-20, 41), correlation.Levels!.Points.Select(p => p.Lag));
        AssertClose(RLevels, correlation.Levels.Points.Select(p => p.Value));
        AssertClose(RDifferences, correlation.Differences!.Points.Select(p => p.Value));
        Assert.Equal((203, 202), (correlation.Levels.Count, correlation.Differences.Count));
        Assert.Equal(RBound, correlation.Levels.Bound, 1e-12);
    }

    [Fact]
    public void A_long_series_takes_the_fourier_path_to_the_same_correlations_as_the_direct_sums()
    {
        var x = Enumerable.Range(0, 40_000).Select(t => Math.Sin(t / 9.0) + (t % 7) * 0.1).ToArray();
        var y = x.Select((v, t) => (t >= 3 ? x[t - 3] : 0) + Math.Cos(t / 4.0)).ToArray();

        var fourier = CrossCorrelation.Ccf(x, y, nlags: 4000, alpha: 0.05);
        var direct = CrossCorrelation.Ccf(x, y, nlags: 10, alpha: 0.05);

        AssertClose([.. direct.Points.Select(p => p.Value)], fourier.Points.Skip(3990).Take(21).Select(p => p.Value));
        // y repeats x three periods later: cor(x[t + k], y[t]) peaks at k = -3.
        Assert.Equal(-3, direct.Points.MaxBy(p => p.Value)!.Lag);
    }

    [Fact]
    public void A_constant_covariate_has_no_correlogram_and_the_findings_say_why()
    {
        List<string> notes = [];
        var constant = new Covariates([new Covariate("promo", [.. UsMacro.Values.Select(_ => 1.0)])]);

        var correlation = CrossCorrelation.Of(UsMacro.Values, constant, nlags: 20, alpha: 0.05, notes).Single();

        Assert.Null(correlation.Levels);
        Assert.Null(correlation.Differences);
        Assert.Contains(notes, n => n.StartsWith("Cross-correlation of 'promo' with the series not computed", StringComparison.Ordinal));
    }

    [Fact]
    public void The_diagnostics_report_finds_income_changes_going_with_consumption_changes_in_the_same_quarter()
    {
        var report = SeriesDiagnostics.Compute(UsMacro.Values, covariates: UsMacro.Covariates);

        Assert.Single(report.CrossCorrelations);
        Assert.Contains("'realdpi': its changes correlate most with the series' at lag 0 (r = 0.37, band ±0.14)", report.Interpretation);
    }

    private static void AssertClose(double[] expected, IEnumerable<double> actual)
    {
        var values = actual.ToArray();
        Assert.Equal(expected.Length, values.Length);
        Assert.All(expected.Zip(values), pair => Assert.Equal(pair.First, pair.Second, 1e-6));
    }
}
