using System.Net.Http.Json;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// One host with what bad requests aim at, all owned by one client key unless named otherwise: a series with a trained
/// model behind the alias <c>production</c> and a finished run, a longer series with a model of its own, a series with a
/// covariate (<see cref="CovariateSeries"/>), a collection
/// with a model, a collection with a covariate (<see cref="CovariateCollection"/>), a webhook, an idempotency key already used, another key's model, and a revoked key. Every case runs against it.
/// </summary>
public sealed class BadRequestTargets : IAsyncLifetime
{
    /// <summary>The body first sent with <see cref="UsedIdempotencyKey"/>.</summary>
    public const string IdempotentUpload = $"{{\"name\":\"once\",{Requests.Daily},\"values\":[1,2,3]}}";

    public const string UsedIdempotencyKey = "bad-input-used-key";

    /// <summary>Daily from 2024-01-01 to 2024-01-05, its covariate price known two days further, to 2024-01-07.</summary>
    public const string CovariateSeries = $"{{\"name\":\"priced\",{Requests.Daily},\"values\":[1,2,3,4,5],\"covariates\":{{\"price\":[10,11,12,13,14,15,16]}}}}";

    /// <summary>Members a and b, daily from 2024-01-01 to 2024-01-05, each with price known to 2024-01-07.</summary>
    public const string CovariateCollection = "{\"name\":\"priced-shops\",\"frequency\":\"daily\",\"series\":["
        + "{\"key\":\"a\",\"start\":\"2024-01-01\",\"values\":[1,2,3,4,5],\"covariates\":{\"price\":[10,11,12,13,14,15,16]}},"
        + "{\"key\":\"b\",\"start\":\"2024-01-01\",\"values\":[5,4,3,2,1],\"covariates\":{\"price\":[20,21,22,23,24,25,26]}}]}";

    // Many cases are training submissions, all from one key within a minute: more than the default allows.
    public ForecastApiFactory Factory { get; } = ForecastApiFactory.With(("Limits:TrainingRunsPerMinute", "1000"));
    public HttpClient Anonymous { get; private set; } = null!;
    public string ClientKey { get; private set; } = "";
    public string RevokedKey { get; private set; } = "";
    public Guid SeriesId { get; private set; }
    public Guid LongSeriesId { get; private set; }
    public Guid CovariateSeriesId { get; private set; }
    public Guid RunId { get; private set; }
    public Guid ModelId { get; private set; }
    public Guid LongSeriesModelId { get; private set; }
    public Guid CollectionId { get; private set; }
    public Guid CollectionModelId { get; private set; }
    public Guid CovariateCollectionId { get; private set; }
    public Guid ForeignSeriesId { get; private set; }
    public Guid ForeignModelId { get; private set; }
    public Guid WebhookId { get; private set; }

    public async Task InitializeAsync()
    {
        Anonymous = Factory.ClientFor(null);
        ClientKey = (await Factory.CreateKeyAsync("bad-input-client")).Key;
        var revoked = await Factory.CreateKeyAsync("revoked");
        RevokedKey = revoked.Key;
        using var admin = Factory.CreateClient();
        await admin.DeleteAsync($"/api/keys/{revoked.Id}");

        using var client = Factory.ClientFor(ClientKey);
        SeriesId = (await TrainingFlow.UploadAsync(client, "airpassengers.csv")).Id;
        LongSeriesId = (await (await client.PostJsonAsync("/api/series", new
        {
            name = "long", start = "2010-01-01", frequency = "daily",
            values = Enumerable.Range(0, 3000).Select(i => 100 + 10 * Math.Sin(i / 7.0)).ToArray(),
        })).ReadAsync<SeriesResponse>()).Id;
        using var covariateUpload = Requests.Upload(CovariateSeries);
        CovariateSeriesId = (await (await client.SendAsync(covariateUpload)).ReadAsync<SeriesResponse>()).Id;
        var run = await TrainingFlow.SucceededAsync(client,
            (await TrainingFlow.StartAsync(client, SeriesId, TrainingFlow.Tiny(epochs: 2, transform: "none"))).Id);
        (RunId, ModelId) = (run.Id, run.ModelId!.Value);
        (await client.PutAsJsonAsync($"/api/series/{SeriesId}/aliases/production", new { modelId = ModelId }, ApiClient.Json)).EnsureSuccessStatusCode();
        LongSeriesModelId = (await TrainingFlow.TrainAsync(client, LongSeriesId, new { method = "theta" })).ModelId!.Value;

        CollectionId = (await (await client.PostJsonAsync("/api/collections", new
        {
            name = "shops", frequency = "monthly",
            series = Enumerable.Range(1, 3).Select(shop => new
            {
                key = $"shop-{shop}", start = "2020-01-01", values = Enumerable.Range(0, 48).Select(i => (10.0 * shop) + Math.Sin(i * Math.PI / 6)).ToArray(),
            }),
        })).ReadAsync<CollectionResponse>()).Id;
        CollectionModelId = (await TrainingFlow.TrainCollectionAsync(client, CollectionId, new { method = "theta" })).ModelId!.Value;
        using var covariateCollection = Requests.Post("/api/collections", CovariateCollection);
        CovariateCollectionId = (await (await client.SendAsync(covariateCollection)).ReadAsync<CollectionResponse>()).Id;

        WebhookId = (await (await client.PostJsonAsync("/api/webhooks", new { url = "https://example.com/hooks", events = new[] { "run.cancelled" } }))
            .ReadAsync<CreatedWebhookResponse>()).Id;
        using var once = Requests.Upload(IdempotentUpload).WithHeader("Idempotency-Key", UsedIdempotencyKey);
        (await client.SendAsync(once)).EnsureSuccessStatusCode();

        using var other = Factory.ClientFor((await Factory.CreateKeyAsync("another-client")).Key);
        ForeignSeriesId = (await TrainingFlow.UploadAsync(other, "airpassengers.csv")).Id;
        ForeignModelId = (await TrainingFlow.TrainAsync(other, ForeignSeriesId, new { method = "theta" })).ModelId!.Value;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
