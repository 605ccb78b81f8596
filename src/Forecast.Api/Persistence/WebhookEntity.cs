namespace Forecast.Api.Persistence;

/// <summary>A key's subscription: where to POST which events, and the secret that signs them.</summary>
/// <remarks>The secret is kept as given out: the service needs it to sign every delivery (Standard Webhooks).</remarks>
public sealed class WebhookEntity
{
    public Guid Id { get; set; }
    public Guid OwnerKeyId { get; set; }
    public required string Url { get; set; }
    public List<string> Events { get; set; } = [];
    public required string Secret { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One event sent to one webhook, tried until it is accepted or the tries run out.</summary>
public sealed class WebhookDeliveryEntity
{
    /// <summary>Also the <c>webhook-id</c> header, the same on every try, so that a receiver can drop repeats.</summary>
    public Guid Id { get; set; }
    public Guid WebhookId { get; set; }
    public Guid OwnerKeyId { get; set; }
    public required string EventType { get; set; }

    /// <summary>The JSON body, fixed at the event so that every try signs and sends the same bytes.</summary>
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>When a try was accepted (2xx); null while pending, and for a delivery whose tries ran out.</summary>
    public DateTime? DeliveredAt { get; set; }

    /// <summary>Whether the tries ran out without one being accepted.</summary>
    public bool GaveUp { get; set; }
}

/// <summary>One try of a delivery, as the receiver answered it.</summary>
public sealed class WebhookAttemptEntity
{
    public long Id { get; set; }
    public Guid DeliveryId { get; set; }
    public DateTime At { get; set; }

    /// <summary>The receiver's HTTP status; null when it could not be reached.</summary>
    public int? StatusCode { get; set; }
    public double DurationMs { get; set; }
    public string? Error { get; set; }
}
