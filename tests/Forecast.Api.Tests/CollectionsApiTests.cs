using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Forecast.Api.Contracts;
using Forecast.Domain.Series;

namespace Forecast.Api.Tests;

/// <summary>Many series at once: uploads of a collection, its members as series, its errors, its deletion and its owner.</summary>
public sealed class CollectionsApiTests : IDisposable
{
    private readonly ForecastApiFactory factory = ForecastApiFactory.With(("Training:WorkerCount", "0"));

    private HttpClient Client => factory.CreateClient();

    [Fact]
    public async Task A_long_csv_of_tourism_series_becomes_a_quarterly_collection_whose_members_are_series()
    {
        var csv = TourismCsv.Quarterly(members: 5);

        var response = await Client.PostAsync("/api/collections?name=tourism", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var collection = await response.ReadAsync<CollectionResponse>();

        Assert.Equal($"/api/collections/{collection.Id}", response.Headers.Location?.ToString());
        Assert.Equal(("tourism", Frequency.Quarterly, 5), (collection.Name, collection.Frequency, collection.MemberCount));
        var members = await (await Client.GetAsync($"/api/collections/{collection.Id}/series?pageSize=10")).ReadAsync<PagedList<CollectionMemberItem>>();
        Assert.Equal(TourismCsv.QuarterlyKeys(5).Order(StringComparer.Ordinal), members.Items.Select(m => m.Key));
        Assert.Equal(collection.TotalPoints, members.Items.Sum(m => m.Count));
        Assert.Equal((members.Items.Min(m => m.Count), members.Items.Max(m => m.Count)), (collection.Lengths.Shortest, collection.Lengths.Longest));

        var first = members.Items[0];
        var series = await (await Client.GetAsync($"/api/series/{first.Id}?includeValues=true")).ReadAsync<SeriesResponse>();
        Assert.Equal((collection.Id, first.Key, first.Count), (series.CollectionId, series.Key, series.Count));
        Assert.Equal(TourismCsv.QuarterlyValues(first.Key), series.Values);
        Assert.True((await Client.GetAsync($"/api/series/{first.Id}/diagnostics")).IsSuccessStatusCode);
        Assert.Empty((await (await Client.GetAsync("/api/series")).ReadAsync<PagedList<SeriesListItem>>()).Items);
    }

    [Fact]
    public async Task A_json_collection_takes_members_by_timestamps_or_by_start_and_reports_each_member_s_filled_gaps()
    {
        var collection = await (await Client.PostJsonAsync("/api/collections", new
        {
            name = "stores",
            frequency = "monthly",
            series = new object[]
            {
                new { key = "north", values = new[] { 1.0, 2, 3, 4, 5, 6 }, start = "2024-01-01" },
                new { key = "south", values = new[] { 10.0, 30, 40 }, timestamps = new[] { "2024-01-01", "2024-03-01", "2024-04-01" } },
            },
        })).ReadAsync<CollectionResponse>();

        Assert.Equal((2, 10L, "2024-01-01", "2024-06-01"), (collection.MemberCount, collection.TotalPoints, collection.Start, collection.End));
        var gap = Assert.Single(collection.Gaps);
        Assert.Equal(("south", "2024-02-01"), (gap.Key, Assert.Single(gap.FilledGaps)));
        var south = await (await Client.GetAsync($"/api/series/{gap.SeriesId}?includeValues=true")).ReadAsync<SeriesResponse>();
        Assert.Equal([10.0, 20, 30, 40], south.Values);
    }

    [Fact]
    public async Task A_multipart_file_with_its_own_id_column_is_read_like_a_csv_body()
    {
        using var form = new MultipartFormDataContent();
        var file = new StringContent("item,ds,y\na,2024-01-01,1\na,2024-01-02,2\na,2024-01-03,3\nb,2024-01-01,5\nb,2024-01-02,6\nb,2024-01-03,7\n", Encoding.UTF8, "text/csv");
        form.Add(file, "file", "items.csv");
        form.Add(new StringContent("item"), "idColumn");

        var collection = await (await Client.PostAsync("/api/collections", form)).ReadAsync<CollectionResponse>();

        Assert.Equal(("items", Frequency.Daily, 2, 6L), (collection.Name, collection.Frequency, collection.MemberCount, collection.TotalPoints));
    }

    [Theory]
    [InlineData("series,date,value\nA,2024-01-01,1\nA,2024-02-01,2\nA,2024-03-01,3\nA,2024-04-01,4\nB,2024-01-01,1\nB,2024-04-01,2\nB,2024-07-01,3\nC,2024-01-01,1\nC,2024-02-01,2\nC,2024-03-01,3\n",
        "Member 'B' (from CSV line 6) is quarterly, but the collection is monthly")]
    [InlineData("series,date,value\nA,2024-01-01,1\nA,2024-02-01,x\n", "CSV line 3: 'x' is not a finite number")]
    [InlineData("series,date,value\nA,2024-01-01,1\nB,2024-01-01,1\nA,2024-01-01,2\n", "Member 'A': 2024-01-01 is given twice (CSV lines 2 and 4)")]
    [InlineData("item,date,value\nA,2024-01-01,1\n", "no member id column; call it series, id, unique_id or key, or name it with ?idColumn=")]
    [InlineData("series,date,value\nA,2024-01-01,1\nA,2024-02-01,2\n", "Member 'A' (from CSV line 2) has 2 points; a member needs at least 3")]
    public async Task A_bad_collection_is_refused_naming_the_member_and_the_line_and_nothing_is_stored(string csv, string expected)
    {
        var problem = await (await Client.PostAsync("/api/collections", new StringContent(csv, Encoding.UTF8, "text/csv")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await factory.CountRowsAsync()).Series);
        Assert.Equal(0, (await (await Client.GetAsync("/api/collections")).ReadAsync<PagedList<CollectionListItem>>()).Total);
    }

    [Fact]
    public async Task More_members_than_the_limit_are_refused_with_the_setting_named()
    {
        using var limited = ForecastApiFactory.With(("Training:WorkerCount", "0"), ("Limits:Collections:MaxMembers", "4"));

        var problem = await (await limited.CreateClient().PostAsync("/api/collections", new StringContent(TourismCsv.Quarterly(members: 5), Encoding.UTF8, "text/csv")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("5 members, more than the 4 allowed (Limits:Collections:MaxMembers)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_collection_deletes_its_members_but_not_while_a_run_on_one_is_open()
    {
        var collection = await UploadAsync(Client, members: 2);
        var member = (await (await Client.GetAsync($"/api/collections/{collection.Id}/series")).ReadAsync<PagedList<CollectionMemberItem>>()).Items[0];
        var run = await TrainingFlow.StartAsync(Client, member.Id, TrainingFlow.Tiny(epochs: 2, transform: "none"));

        await (await Client.DeleteAsync($"/api/collections/{collection.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await Client.DeleteAsync($"/api/series/{member.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);
        await Client.PostAsync($"/api/training-runs/{run.Id}/cancel", null);
        var deleted = await Client.DeleteAsync($"/api/collections/{collection.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await Client.GetAsync($"/api/series/{member.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal((0, 0), (await factory.CountRowsAsync()) is var rows ? (rows.Series, rows.Runs) : default);
    }

    [Fact]
    public async Task Another_key_s_collection_and_its_members_answer_404_and_are_not_listed()
    {
        var owner = factory.ClientFor((await factory.CreateKeyAsync("owner")).Key);
        var other = factory.ClientFor((await factory.CreateKeyAsync("other")).Key);
        var collection = await UploadAsync(owner, members: 2);
        var member = (await (await owner.GetAsync($"/api/collections/{collection.Id}/series")).ReadAsync<PagedList<CollectionMemberItem>>()).Items[0];

        await (await other.GetAsync($"/api/collections/{collection.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/collections/{collection.Id}/series")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.DeleteAsync($"/api/collections/{collection.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/series/{member.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await other.GetAsync("/api/collections")).ReadAsync<PagedList<CollectionListItem>>()).Total);
        Assert.Equal(1, (await (await owner.GetAsync("/api/collections")).ReadAsync<PagedList<CollectionListItem>>()).Total);
    }

    private static async Task<CollectionResponse> UploadAsync(HttpClient client, int members) =>
        await (await client.PostAsync("/api/collections", new StringContent(TourismCsv.Quarterly(members), Encoding.UTF8, "text/csv")))
            .ReadAsync<CollectionResponse>();

    public void Dispose() => factory.Dispose();
}
