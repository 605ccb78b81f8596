using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Forecast.Api.Webhooks;
using Forecast.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Apis;

/// <summary>Webhooks: a key's subscriptions to its runs' ends, signed as Standard Webhooks, with every delivery and try listed.</summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/webhooks").WithTags("Webhooks");
        webhooks.MapPost("/", CreateWebhook).WithName(nameof(CreateWebhook))
            .WithSummary("Subscribe a URL to run.succeeded, run.failed and run.cancelled; the signing secret is shown once")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        webhooks.MapGet("/", ListWebhooks).WithName(nameof(ListWebhooks)).WithSummary("The key's webhooks");
        webhooks.MapGet("/{id:guid}", GetWebhook).WithName(nameof(GetWebhook)).WithSummary("One webhook (without its secret)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapDelete("/{id:guid}", DeleteWebhook).WithName(nameof(DeleteWebhook)).WithSummary("Delete a webhook with its deliveries")
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapGet("/{id:guid}/deliveries", ListDeliveries).WithName(nameof(ListDeliveries))
            .WithSummary("A webhook's deliveries, newest first, each with every try: time, status, duration, error")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Created<CreatedWebhookResponse>> CreateWebhook(
        CreateWebhookRequest request, IDbContextFactory<ForecastDbContext> dbFactory, WebhookRules rules, IOptions<WebhookOptions> options,
        ICallerContext caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var url = WebhookDestinations.Check(request.Url, rules.RequireHttps, rules.AllowPrivateAddresses);
        var events = WebhookEvents.Check(request.Events);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Webhooks.CountAsync(cancellationToken) >= options.Value.MaxPerKey)
        {
            throw new UnprocessableException($"This key has {options.Value.MaxPerKey} webhooks, the most allowed (Webhooks:MaxPerKey); delete one first.", "url");
        }
        var webhook = new WebhookEntity
        {
            Id = Guid.CreateVersion7(),
            OwnerKeyId = caller.OwnerId ?? Caller.AdminOwnerId,
            Url = url.AbsoluteUri,
            Events = [.. events],
            Secret = WebhookSignature.NewSecret(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/webhooks/{webhook.Id}",
            new CreatedWebhookResponse(webhook.Id, webhook.Url, webhook.Events, webhook.Secret, webhook.CreatedAt));
    }

    public static async Task<Ok<List<WebhookResponse>>> ListWebhooks(IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var webhooks = await db.Webhooks.AsNoTracking().OrderByDescending(w => w.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(webhooks.Select(ToResponse).ToList());
    }

    public static async Task<Ok<WebhookResponse>> GetWebhook(Guid id, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(await FindAsync(db, id, cancellationToken)));
    }

    public static async Task<NoContent> DeleteWebhook(Guid id, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Webhooks.Remove(await FindAsync(db, id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, 1 to Limits:MaxPageSize (default 20).</param>
    public static async Task<Ok<PagedList<WebhookDeliveryItem>>> ListDeliveries(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20)
    {
        Paging.Check(page, pageSize, limits.Value.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await FindAsync(db, id, cancellationToken);
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == id);
        var rows = await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = rows.Select(d => d.Id).ToList();
        var tries = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        var items = rows.Select(d => new WebhookDeliveryItem(d.Id, d.EventType, d.CreatedAt, d.Attempts, d.DeliveredAt, d.GaveUp,
            tries[d.Id].Select(a => new WebhookAttemptItem(a.At, a.StatusCode, a.DurationMs, a.Error)).ToList())).ToList();
        return TypedResults.Ok(new PagedList<WebhookDeliveryItem>(items, page, pageSize, await deliveries.CountAsync(cancellationToken)));
    }

    private static async Task<WebhookEntity> FindAsync(ForecastDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, cancellationToken) ?? throw new NotFoundException("Webhook", id);

    private static WebhookResponse ToResponse(WebhookEntity w) => new(w.Id, w.Url, w.Events, w.CreatedAt);
}
