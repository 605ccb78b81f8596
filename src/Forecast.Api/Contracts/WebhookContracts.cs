namespace Forecast.Api.Contracts;

/// <param name="Url">Where to POST: https outside Development; no internal addresses unless Webhooks:AllowPrivateAddresses.</param>
/// <param name="Events">Any of run.succeeded, run.failed, run.cancelled.</param>
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string> Events);

/// <param name="Secret">The signing secret (whsec_...): shown here once, never again.</param>
public sealed record CreatedWebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, string Secret, DateTime CreatedAt);

public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt);

/// <param name="StatusCode">The receiver's answer; null when it could not be reached.</param>
public sealed record WebhookAttemptItem(DateTime At, int? StatusCode, double DurationMs, string? Error);

/// <param name="Id">The <c>webhook-id</c> header of every try of this delivery.</param>
/// <param name="DeliveredAt">When a try was accepted; null while pending or after the tries ran out (<paramref name="GaveUp"/>).</param>
public sealed record WebhookDeliveryItem(Guid Id, string EventType, DateTime CreatedAt, int Attempts, DateTime? DeliveredAt, bool GaveUp,
    IReadOnlyList<WebhookAttemptItem> Tries);
