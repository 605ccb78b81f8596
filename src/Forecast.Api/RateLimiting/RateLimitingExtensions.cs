using System.Globalization;
using System.Threading.RateLimiting;
using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.RateLimiting;

/// <summary>
/// Per-key request rates: every client key gets <see cref="LimitsOptions.RequestsPerMinute"/> requests and,
/// within them, <see cref="LimitsOptions.TrainingRunsPerMinute"/> training submissions, each in a fixed
/// one-minute window. Refusals are 429 problem details with <c>Retry-After</c>. The admin key is not limited;
/// anonymous requests never get this far except to open endpoints (health), which are not limited either. On SQLite
/// (one process) the windows are counted in memory; on PostgreSQL, where several processes serve one database, in the
/// database (<see cref="SharedWindowLimiter"/>).
/// </summary>
public static class RateLimitingExtensions
{
    public const string TrainingPolicy = "training-submissions";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IHostApplicationBuilder AddForecastRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((options, limits) =>
        {
            var requests = limits.Value.RequestsPerMinute;
            var trainingRuns = limits.Value.TrainingRunsPerMinute;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => PerClientKey(context, "requests", requests));
            options.AddPolicy(TrainingPolicy, context => PerClientKey(context, TrainingPolicy, trainingRuns));
            options.OnRejected = (rejected, _) => WriteRejectionAsync(rejected, requests, trainingRuns);
        });
        return builder;
    }

    public static IApplicationBuilder UseForecastRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    private static RateLimitPartition<string> PerClientKey(HttpContext context, string policy, int permitsPerMinute)
    {
        if (Caller.KeyIdOf(context.User) is not { } keyId || Caller.IsAdmin(context.User))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }
        var services = context.RequestServices;
        return services.GetRequiredService<DatabaseSettings>().IsPostgreSql
            ? RateLimitPartition.Get(keyId.ToString(), _ => new SharedWindowLimiter(
                services.GetRequiredService<IDbContextFactory<ForecastDbContext>>(), services.GetRequiredService<TimeProvider>(), keyId, policy, permitsPerMinute, Window))
            : RateLimitPartition.GetFixedWindowLimiter(keyId.ToString(), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitsPerMinute,
                Window = Window,
                QueueLimit = 0,
            });
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, int requests, int trainingRuns)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"This API key has made too many requests: at most {requests} per minute (Limits:RequestsPerMinute), of which at most {trainingRuns} training-run submissions (Limits:TrainingRunsPerMinute). Retry after {seconds} s.";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        });
    }
}
