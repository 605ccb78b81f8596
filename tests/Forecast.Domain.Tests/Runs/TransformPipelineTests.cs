using Forecast.Domain.Runs;

namespace Forecast.Domain.Tests.Runs;

public class TransformPipelineTests
{
    [Fact]
    public void Every_pipeline_parses_back_from_its_name() =>
        Assert.All(TransformPipeline.All, p => Assert.Equal(p, TransformPipeline.Parse(p.ToString())));

    [Fact]
    public void Names_list_the_steps_in_the_order_they_apply()
    {
        Assert.Equal("none", TransformPipeline.None.ToString());
        Assert.Equal("log+seasonalDifference+difference", new TransformPipeline(true, true, true).ToString());
        Assert.Equal("seasonalDifference+difference", new TransformPipeline(false, true, true).ToString());
    }

    [Theory]
    [InlineData("none", 12, 0)]
    [InlineData("log", 12, 0)]
    [InlineData("difference", 12, 1)]
    [InlineData("seasonalDifference", 12, 12)]
    [InlineData("log+seasonalDifference+difference", 7, 8)]
    public void A_pipeline_consumes_one_season_per_seasonal_difference_and_one_point_per_difference(string name, int period, int consumed) =>
        Assert.Equal(consumed, TransformPipeline.Parse(name).PointsConsumed(period));
}
