using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Forecast.Api.Contracts;
using Forecast.Domain.Series;

namespace Forecast.Api.Tests;

public class SeriesApiTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_csv_body_becomes_a_monthly_series_with_a_location()
    {
        var response = await client.PostCsvAsync(await File.ReadAllTextAsync(ApiClient.DataFile("airpassengers.csv")), "?name=air");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var series = await response.ReadAsync<SeriesResponse>();
        Assert.Equal($"/api/series/{series.Id}", response.Headers.Location?.ToString());
        Assert.Equal(("air", Frequency.Monthly, 144), (series.Name, series.Frequency, series.Count));
        Assert.Equal(("1949-01-01", "1960-12-01"), (series.Start, series.End));
        Assert.Equal(104, series.Statistics.Min);
        Assert.Equal(622, series.Statistics.Max);
        Assert.Equal(280.298611, series.Statistics.Mean, 5);
    }

    [Fact]
    public async Task A_multipart_file_is_read_like_a_csv_body()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(ApiClient.DataFile("nottem.csv")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "nottem.csv");

        var series = await (await client.PostAsync("/api/series", form)).ReadAsync<SeriesResponse>();

        Assert.Equal(("nottem", 240, Frequency.Monthly), (series.Name, series.Count, series.Frequency));
    }

    [Fact]
    public async Task A_headerless_semicolon_csv_with_a_bom_and_quotes_is_read()
    {
        var csv = "\uFEFF2024-01-01;\"1.5\"\n\n2024-01-02;2\n2024-01-03;2.5\n";

        var series = await (await client.PostCsvAsync(csv, "?name=tiny")).ReadAsync<SeriesResponse>();

        Assert.Equal((Frequency.Daily, 3), (series.Frequency, series.Count));
    }

    [Fact]
    public async Task Json_with_timestamps_reports_and_interpolates_a_gap()
    {
        var response = await client.PostJsonAsync("/api/series", new
        {
            name = "gappy",
            values = new[] { 1.0, 2.0, 4.0, 5.0 },
            timestamps = new[] { "2024-01-01", "2024-02-01", "2024-04-01", "2024-05-01" },
        });

        var created = await response.ReadAsync<SeriesResponse>();
        Assert.Equal(["2024-03-01"], created.FilledGaps);
        var read = await (await client.GetAsync($"/api/series/{created.Id}?includeValues=true")).ReadAsync<SeriesResponse>();
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0], read.Values);
    }

    [Fact]
    public async Task Json_with_start_and_frequency_needs_no_timestamps()
    {
        var series = await (await client.PostJsonAsync("/api/series", new
        {
            name = "quarters", values = new[] { 3.0, 4.0, 5.0, 6.0 }, start = "2020-03-31", frequency = "quarterly",
        })).ReadAsync<SeriesResponse>();

        Assert.Equal("2020-12-31", series.End);
    }

    [Fact]
    public async Task The_refuse_policy_answers_422_naming_the_gaps_and_stores_nothing()
    {
        var before = await factory.CountRowsAsync();
        var csv = "date,value\n2024-01-01,1\n2024-01-02,2\n2024-01-05,3\n2024-01-06,4\n";

        var problem = await (await client.PostCsvAsync(csv, "?fillPolicy=refuse"))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("2024-01-03, 2024-01-04", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await factory.CountRowsAsync());
    }

    [Fact]
    public async Task Series_are_listed_newest_first_a_page_at_a_time_and_can_be_deleted()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = await (await client.PostJsonAsync("/api/series", new
            {
                name = $"paged-{i}", values = new[] { 1.0, 2.0, 3.0 }, start = "2020-01-01", frequency = "yearly",
            })).ReadAsync<SeriesResponse>();
            ids.Add(created.Id);
        }

        var page = await (await client.GetAsync("/api/series?page=1&pageSize=2")).ReadAsync<PagedList<SeriesListItem>>();
        Assert.Equal(2, page.Items.Count);
        Assert.Equal(ids[2], page.Items[0].Id);
        Assert.True(page.Total >= 3);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/series/{ids[0]}")).StatusCode);
        await (await client.GetAsync($"/api/series/{ids[0]}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string, string, HttpStatusCode, string> BadUploads => new()
    {
        { "non-numeric CSV value", "text/csv", "date,value\n2024-01-01,1\n2024-01-02,abc\n2024-01-03,3\n", HttpStatusCode.BadRequest, "line 3" },
        { "empty CSV body", "text/csv", "", HttpStatusCode.BadRequest, "empty" },
        { "empty JSON body", "application/json", "", HttpStatusCode.BadRequest, "JSON" },
        { "NaN in CSV", "text/csv", "2024-01-01,1\n2024-01-02,NaN\n2024-01-03,3\n", HttpStatusCode.BadRequest, "line 2" },
        { "NaN in JSON", "application/json", """{"name":"x","values":[1,NaN,3],"start":"2024-01-01","frequency":"daily"}""", HttpStatusCode.BadRequest, "values" },
        { "NaN as a JSON string", "application/json", """{"name":"x","values":[1,"NaN",3],"start":"2024-01-01","frequency":"daily"}""", HttpStatusCode.BadRequest, "values" },
        { "number as a string", "application/json", """{"name":"x","values":[1,"2",3],"start":"2024-01-01","frequency":"daily"}""", HttpStatusCode.BadRequest, "values" },
        { "unsorted timestamps", "text/csv", "2024-01-01,1\n2024-01-03,2\n2024-01-02,3\n", HttpStatusCode.BadRequest, "increasing order" },
        { "duplicate timestamps", "text/csv", "2024-01-01,1\n2024-01-02,2\n2024-01-02,3\n2024-01-03,4\n", HttpStatusCode.BadRequest, "appears twice" },
        { "too few points", "text/csv", "2024-01-01,1\n2024-01-02,2\n", HttpStatusCode.BadRequest, "at least 3" },
        { "missing value column", "text/csv", "date\n2024-01-01\n2024-01-02\n2024-01-03\n", HttpStatusCode.BadRequest, "line 1" },
        { "mixed date formats", "text/csv", "2024-01-01,1\n2024/01/02,2\n2024-01-03,3\n", HttpStatusCode.BadRequest, "line 2" },
        { "a date off the inferred grid", "text/csv", "2024-01-01,1\n2024-02-01,2\n2024-03-15,3\n2024-04-01,4\n2024-05-01,5\n", HttpStatusCode.BadRequest, "not on the monthly grid" },
        { "a date among date-times", "text/csv", "timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n2024-01-01,3\n", HttpStatusCode.BadRequest, "CSV line 4: '2024-01-01' is written as yyyy-MM-dd, but the first timestamp as an ISO 8601 date-time" },
        { "a minute off the inferred grid", "text/csv", "timestamp,value\n2024-01-01T12:00:00+01:00,1\n2024-01-01T12:15:00+01:00,2\n2024-01-01T12:30:00+01:00,3\n2024-01-01T12:37:00+01:00,4\n2024-01-01T13:00:00+01:00,5\n2024-01-01T13:15:00+01:00,6\n", HttpStatusCode.BadRequest, "CSV line 5: Timestamp 2024-01-01T11:37:00Z (point 4) is not on the minutes15 grid" },
        { "a time of day in a daily series", "text/csv", "2024-01-01T00:00:00+01:00,1\n2024-01-02T00:00:00+01:00,2\n2024-01-03T00:00:00+01:00,3\n", HttpStatusCode.BadRequest, "CSV line 1: Timestamp 2023-12-31T23:00:00Z (point 1) has a time of day in UTC, but the series is daily" },
        { "unknown JSON property", "application/json", """{"name":"x","values":[1,2,3],"start":"2024-01-01","frequency":"daily","colour":"red"}""", HttpStatusCode.BadRequest, "colour" },
        { "timestamps and values that do not pair", "application/json", """{"name":"x","values":[1,2,3],"timestamps":["2024-01-01","2024-01-02"]}""", HttpStatusCode.BadRequest, "pair" },
        { "truncated JSON", "application/json", """{"name":"x","values":[1,2""", HttpStatusCode.BadRequest, "" },
        { "unknown frequency", "text/csv", "2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n", HttpStatusCode.BadRequest, "frequency" },
        { "unsupported content type", "application/xml", "<series/>", HttpStatusCode.UnsupportedMediaType, "content type" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task Bad_uploads_get_problem_details_and_store_nothing(string why, string contentType, string body, HttpStatusCode status, string detailMentions)
    {
        var before = await factory.CountRowsAsync();
        var query = why == "unknown frequency" ? "?frequency=fortnightly" : "";
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        var problem = await (await client.PostAsync($"/api/series{query}", content)).ReadProblemAsync(status);

        Assert.Contains(detailMentions, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(before == await factory.CountRowsAsync(), $"{why}: stored rows changed");
    }

    [Fact]
    public async Task Unknown_ids_answer_404_problem_details()
    {
        var id = Guid.NewGuid();
        foreach (var url in new[] { $"/api/series/{id}", $"/api/training-runs/{id}", $"/api/training-runs/{id}/loss-curve", $"/api/models/{id}", $"/api/models/{id}/evaluation", $"/api/models/{id}/forecast" })
        {
            await (await client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound);
        }
        await (await client.DeleteAsync($"/api/series/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync($"/api/series/{id}/training-runs", new { })).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
