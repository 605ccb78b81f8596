using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forecast.Training.Methods.Arima;

/// <summary>What a stored ARIMA model is: enough to rebuild its forecaster exactly.</summary>
/// <param name="Order">(p, d, q).</param>
/// <param name="SeasonalOrder">(P, D, Q).</param>
/// <param name="Period">m.</param>
/// <param name="Coefficients">ar, ma, sar, sma, then the mean or drift, then the covariates', as R's arima lists them.</param>
/// <param name="Sigma2">The innovation variance the intervals use.</param>
/// <param name="Aicc">The fit's AICc; null for a model that was not estimated (a fallback, a constant history).</param>
/// <param name="Covariates">The covariates regressed on, in the coefficients' order; absent (null) from a model of the series alone.</param>
internal sealed record ArimaState(
    int[] Order, int[] SeasonalOrder, int Period, ArimaConstant Constant, double[] Coefficients, double Sigma2, double? Aicc,
    // A model of the series alone is stored as it was before covariates.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? Covariates = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter<ArimaConstant>(JsonNamingPolicy.CamelCase) },
    };

    public static ArimaState Of(ArimaForecaster model, double? aicc)
    {
        var spec = model.Spec;
        return new ArimaState(
            [spec.ArOrder, spec.Differences, spec.MaOrder], [spec.SeasonalArOrder, spec.SeasonalDifferences, spec.SeasonalMaOrder],
            spec.Period, spec.Constant, model.Coefficients, model.Sigma2, aicc is double a && double.IsFinite(a) ? a : null,
            model.CovariateNames.Count == 0 ? null : [.. model.CovariateNames]);
    }

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, Json);

    /// <exception cref="JsonException">The element is not a stored ARIMA model.</exception>
    public static ArimaState FromJson(JsonElement element) =>
        element.Deserialize<ArimaState>(Json) ?? throw new JsonException("The stored ARIMA state is empty.");

    public ArimaForecaster ToForecaster()
    {
        if (Order is not [var p, var d, var q] || SeasonalOrder is not [var sp, var sd, var sq])
        {
            throw new JsonException("A stored ARIMA model needs three orders and three seasonal orders.");
        }
        var covariates = Covariates ?? [];
        var spec = new ArimaSpec(p, d, q, sp, sd, sq, Period, Constant, covariates.Length);
        if (Coefficients.Length != spec.CoefficientCount)
        {
            throw new JsonException($"{spec} has {spec.CoefficientCount} coefficients; the stored model has {Coefficients.Length}.");
        }
        return new ArimaForecaster(spec, Coefficients, Sigma2, covariates);
    }
}
