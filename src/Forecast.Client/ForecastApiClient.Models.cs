namespace Forecast.Client;

/// <summary>
/// A model of either kind. <c>GET /api/models/{id}</c> answers a series' model or a collection's, which the document
/// declares as either schema; the generator makes an empty type of that, so these read it as the kind asked for.
/// </summary>
public partial class ForecastApiClient
{
    /// <exception cref="InvalidOperationException">The model is a collection's.</exception>
    public async Task<ModelResponse> GetSeriesModelAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var model = await GetModelAsAsync<ModelResponse>(id, cancellationToken).ConfigureAwait(false);
        return model.SeriesId != Guid.Empty ? model
            : throw new InvalidOperationException($"Model {id} is a collection's global model: read it with {nameof(GetCollectionModelAsync)}.");
    }

    /// <exception cref="InvalidOperationException">The model is a series'.</exception>
    public async Task<CollectionModelResponse> GetCollectionModelAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var model = await GetModelAsAsync<CollectionModelResponse>(id, cancellationToken).ConfigureAwait(false);
        return model.CollectionId != Guid.Empty ? model
            : throw new InvalidOperationException($"Model {id} is a series' model: read it with {nameof(GetSeriesModelAsync)}.");
    }

    // The other kind's body has no such id, which then reads as empty.
    private async Task<T> GetModelAsAsync<T>(Guid id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/models/{id}", UriKind.Relative));
        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }
}
