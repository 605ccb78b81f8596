using System.Security.Cryptography;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Forecast.Domain;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Idempotency;

/// <summary>
/// A retried POST with the same <c>Idempotency-Key</c> gets the first answer again instead of
/// creating a second series or run. The key is scoped to the caller and the route; reusing it for a
/// different request is refused (422), and a retry that arrives while the first request is still
/// being handled is told so (409). Answers are kept for <see cref="Retention"/>; 5xx answers are not
/// kept, so a retry after a server fault is handled afresh.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private const int MaxKeyLength = 200;

    public async Task InvokeAsync(HttpContext context, IDbContextFactory<ForecastDbContext> dbFactory, TimeProvider clock)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is null
            || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }
        if (values.Count != 1)
        {
            throw new DomainValidationException($"{Header} must be given once; the request carried {values.Count}.", Header);
        }
        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || !PrintableText.Is(key))
        {
            throw new DomainValidationException($"{Header} must be 1 to {MaxKeyLength} printable characters.", Header);
        }

        // Authentication ran before this middleware: keys are per API key, so two clients never share one.
        var scope = $"{Caller.KeyIdOf(context.User)?.ToString() ?? "anonymous"} {context.Request.Path}";
        var hash = await HashRequestAsync(context.Request);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
        await db.IdempotencyRecords.Where(r => r.CreatedAt < now - Retention).ExecuteDeleteAsync(context.RequestAborted);

        var existing = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, context.RequestAborted);
        if (existing is not null)
        {
            await ReplayAsync(context, existing, hash);
            return;
        }

        var record = new IdempotencyEntity { Scope = scope, Key = key, RequestHash = hash, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"A request with {Header} '{key}' is being handled; retry when it has finished.");
        }

        await CaptureAsync(context, db, record);
    }

    private async Task CaptureAsync(HttpContext context, ForecastDbContext db, IdempotencyEntity record)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode >= 500)
        {
            db.IdempotencyRecords.Remove(record);
        }
        else
        {
            record.StatusCode = context.Response.StatusCode;
            record.ContentType = context.Response.ContentType;
            record.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            record.Body = buffer.ToArray();
        }
        await db.SaveChangesAsync(CancellationToken.None);
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyEntity record, string hash)
    {
        if (record.RequestHash != hash)
        {
            throw new UnprocessableException(
                $"{Header} '{record.Key}' was already used for a different request; use a new key for a new request.", Header);
        }
        if (record.StatusCode == 0)
        {
            throw new ConflictException($"A request with {Header} '{record.Key}' is being handled; retry when it has finished.");
        }
        context.Response.StatusCode = record.StatusCode;
        context.Response.ContentType = record.ContentType;
        if (record.Location is not null)
        {
            context.Response.Headers.Location = record.Location;
        }
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(record.Body, context.RequestAborted);
    }

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.QueryString}\n{request.ContentType}\n"));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
