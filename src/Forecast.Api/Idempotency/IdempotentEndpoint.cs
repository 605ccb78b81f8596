namespace Forecast.Api.Idempotency;

/// <summary>Endpoint metadata: this POST honours the <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotentEndpoint
{
    public static readonly IdempotentEndpoint Instance = new();

    private IdempotentEndpoint()
    {
    }
}

public static class IdempotentEndpointExtensions
{
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(IdempotentEndpoint.Instance);
}
