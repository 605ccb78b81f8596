using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Series;

public sealed class CovariatesTests
{
    private static readonly Covariates PriceAndPromo = new([new Covariate("price", [1.0, 2, 3, 4, 5]), new Covariate("promo", [0.0, 1, 0])]);

    [Fact]
    public void Columns_are_given_back_in_the_order_asked_over_the_points_asked()
    {
        var columns = PriceAndPromo.Require(["promo", "price"], 3);

        Assert.Equal([0.0, 1, 0], columns[0]);
        Assert.Equal([1.0, 2, 3, 4, 5], columns[1]);
    }

    [Fact]
    public void A_covariate_that_ends_too_soon_is_named_with_its_first_missing_step()
    {
        var refusal = Assert.Throws<MissingCovariateException>(() => PriceAndPromo.Require(["price", "promo"], 5, origin: 2));

        Assert.Equal(("promo", 3, 2), (refusal.Covariate, refusal.Point, refusal.Step));
        Assert.Equal("covariates", refusal.Field);
        Assert.IsAssignableFrom<UnprocessableException>(refusal);
    }

    [Fact]
    public void A_forecast_s_own_future_values_replace_the_stored_ones_after_the_end_and_leave_the_others()
    {
        var extended = PriceAndPromo.WithFuture(3, [new Covariate("price", [9.0, 8])]);

        Assert.Equal([1.0, 2, 3, 9, 8], extended.Require(["price"], 5)[0]);
        Assert.Equal([0.0, 1, 0], extended.Require(["promo"], 3)[0]);
    }

    [Fact]
    public void A_future_for_a_covariate_that_does_not_reach_the_end_is_missing_where_its_history_ends()
    {
        var refusal = Assert.Throws<MissingCovariateException>(() => PriceAndPromo.WithFuture(4, [new Covariate("promo", [1.0])]));

        Assert.Equal(("promo", 3, null), (refusal.Covariate, refusal.Point, refusal.Step));
    }

    [Fact]
    public void An_absent_covariate_is_missing_from_the_first_point()
    {
        var refusal = Assert.Throws<MissingCovariateException>(() => PriceAndPromo.Require(["temperature"], 2, origin: 1));

        Assert.Equal(("temperature", 0, null), (refusal.Covariate, refusal.Point, refusal.Step));
        Assert.Contains("before the forecast's origin 1", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("price", "price", 1.0)]
    [InlineData("price", " ", 1.0)]
    [InlineData("price", "promo", double.NaN)]
    [InlineData("price", "promo", double.PositiveInfinity)]
    public void Repeated_or_empty_names_and_values_that_are_not_finite_are_refused(string first, string second, double value) =>
        Assert.Throws<DomainValidationException>(() => new Covariates([new Covariate(first, [1.0]), new Covariate(second, [value])]));
}
