using System.Text.Json;
using Forecast.Domain.Runs;

namespace Forecast.Domain.Tests.Runs;

public class TransformPipelineTests
{
    // The options the database's JSON columns use.
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Every_pipeline_parses_back_from_its_name() =>
        Assert.All(TransformPipeline.All, p => Assert.Equal(p, TransformPipeline.Parse(p.ToString())));

    [Fact]
    public void Names_list_the_steps_in_the_order_they_apply()
    {
        Assert.Equal("none", TransformPipeline.None.ToString());
        Assert.Equal("log+seasonalDifference+difference", new TransformPipeline(true, true, true).ToString());
        Assert.Equal("seasonalDifference+difference", new TransformPipeline(false, true, true).ToString());
        Assert.Equal("log+deseasonalize+difference", new TransformPipeline(true, false, true, Deseasonalize: true).ToString());
    }

    [Fact]
    public void The_two_ways_of_removing_a_season_are_never_combined()
    {
        Assert.Equal(12, TransformPipeline.All.Count);
        Assert.DoesNotContain(TransformPipeline.All, p => p.SeasonalDifference && p.Deseasonalize);
        Assert.Throws<DomainValidationException>(() => TransformPipeline.Parse("seasonalDifference+deseasonalize"));
    }

    [Fact]
    public void A_pipeline_stored_before_seasonal_indices_existed_reads_without_them()
    {
        var stored = JsonSerializer.Deserialize<TransformPipeline>("""{"log":true,"seasonalDifference":false,"difference":true}""", Web);

        Assert.Equal(TransformPipeline.Parse("log+difference"), stored);
    }

    [Theory]
    [InlineData("none", 12, 0)]
    [InlineData("log", 12, 0)]
    [InlineData("difference", 12, 1)]
    [InlineData("seasonalDifference", 12, 12)]
    [InlineData("log+seasonalDifference+difference", 7, 8)]
    [InlineData("deseasonalize+difference", 12, 1)]
    public void A_pipeline_consumes_one_season_per_seasonal_difference_and_one_point_per_difference(string name, int period, int consumed) =>
        Assert.Equal(consumed, TransformPipeline.Parse(name).PointsConsumed(period));

    [Theory]
    [InlineData("seasonalDifference+difference", 12, 13)]
    [InlineData("deseasonalize", 12, 24)]
    [InlineData("log+deseasonalize+difference", 7, 14)]
    public void Seasonal_indices_need_two_seasons_of_history(string name, int period, int needed) =>
        Assert.Equal(needed, TransformPipeline.Parse(name).HistoryNeeded(period));
}
