using Forecast.Training.Methods.Arima;

namespace Forecast.Training.Tests.Methods.Arima;

public sealed class ArimaLikelihoodTests
{
    public static TheoryData<string> Cases => new(ArimaReference.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_exact_log_likelihood_of_a_fixed_model_is_Rs(string key)
    {
        var reference = ArimaReference.Get(key);

        var logLikelihood = ArimaEstimator.LogLikelihood(reference.History, reference.Spec, reference.Coefficients);

        // 1e-8 of a log-likelihood near -1000 to -2300: what the diffuse prior (κ = 10⁶) leaves of rounding.
        Assert.Equal(reference.LogLikelihood, logLikelihood, 1e-8);
    }
}
