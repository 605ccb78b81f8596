using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Forecast.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Apis;

/// <summary>Client API keys, managed with the admin key.</summary>
public static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/keys").WithTags("API keys").RequireAuthorization(AuthExtensions.AdminPolicy);
        keys.MapPost("/", CreateKey).WithName(nameof(CreateKey))
            .WithSummary("Create a client key; the key is in this answer only, the service keeps just its hash")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        keys.MapGet("/", ListKeys).WithName(nameof(ListKeys)).WithSummary("List client keys, revoked ones included, without their secrets");
        keys.MapGet("/{id:guid}", GetKey).WithName(nameof(GetKey)).WithSummary("Read a client key without its secret")
            .ProducesProblem(StatusCodes.Status404NotFound);
        keys.MapDelete("/{id:guid}", RevokeKey).WithName(nameof(RevokeKey))
            .WithSummary("Revoke a client key: it is refused (401) from now on; what it made stays, visible to the admin")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Created<CreatedKeyResponse>> CreateKey(
        CreateKeyRequest request, IDbContextFactory<ForecastDbContext> dbFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ApiKeyEntity.MaxNameLength || !PrintableText.Is(name))
        {
            throw new DomainValidationException($"name is required: 1 to {ApiKeyEntity.MaxNameLength} printable characters.", "name");
        }
        var id = Guid.CreateVersion7();
        var (key, hash) = ApiKeySecret.Create(id);
        var entity = new ApiKeyEntity { Id = id, Name = name, SecretHash = hash, CreatedAt = clock.GetUtcNow().UtcDateTime };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/keys/{id}", new CreatedKeyResponse(id, name, key, entity.CreatedAt));
    }

    public static async Task<Ok<List<KeyResponse>>> ListKeys(IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt)
            .Select(k => new KeyResponse(k.Id, k.Name, k.CreatedAt, k.RevokedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(keys);
    }

    public static async Task<Ok<KeyResponse>> GetKey(Guid id, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new NotFoundException("API key", id);
        return TypedResults.Ok(new KeyResponse(key.Id, key.Name, key.CreatedAt, key.RevokedAt));
    }

    /// <remarks>Revoking a revoked key again changes nothing and answers 204 too, so a retried revocation succeeds.</remarks>
    public static async Task<NoContent> RevokeKey(Guid id, ClientKeys clientKeys, CancellationToken cancellationToken)
    {
        await clientKeys.RevokeAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }
}
