using Forecast.Training.Methods.Arima;

namespace Forecast.Training.Tests.Methods.Arima;

public sealed class ArimaEstimatorTests
{
    public static TheoryData<string> Cases => new(ArimaReference.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_fixed_order_fits_as_R_fits_it(string key)
    {
        var reference = ArimaReference.Get(key);

        var fit = ArimaEstimator.Fit(reference.History, reference.Spec, approximate: false)!;

        Assert.Null(fit.Rejection);
        Assert.Equal(reference.FittedAicc, fit.Aicc, 0.01);
        Assert.Equal(reference.FittedSigma2, fit.Sigma2, reference.FittedSigma2 * 1e-3);
        Assert.Equal(reference.Coefficients, fit.Coefficients, (a, b) => Math.Abs(a - b) <= 0.01 * Math.Max(1, Math.Abs(b)));
    }
}
