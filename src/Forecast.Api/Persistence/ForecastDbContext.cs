using System.Text.Json;
using Forecast.Api.Security;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Registry;
using Forecast.Domain.Runs;
using Forecast.Training.Collections;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Forecast.Api.Persistence;

/// <summary>
/// The service's data, as the caller may see it: every series, run, loss entry, checkpoint and model belongs
/// to the API key that uploaded the series, and global query filters hide other keys' rows, so an id that
/// is not the caller's answers 404 wherever it is used. The admin and background jobs see everything.
/// </summary>
/// <remarks>
/// SQLite's migrations belong to this type; <see cref="PostgreSqlForecastDbContext"/> is the same model with
/// PostgreSQL's own migrations, since EF Core keeps one migration history per context type.
/// </remarks>
public class ForecastDbContext : DbContext
{
    private readonly ICallerContext caller;

    public ForecastDbContext(DbContextOptions<ForecastDbContext> options, ICallerContext caller) : this((DbContextOptions)options, caller)
    {
    }

    protected ForecastDbContext(DbContextOptions options, ICallerContext caller) : base(options) => this.caller = caller;

    public DbSet<SeriesEntity> Series => Set<SeriesEntity>();
    public DbSet<CollectionEntity> Collections => Set<CollectionEntity>();
    public DbSet<TrainingRunEntity> TrainingRuns => Set<TrainingRunEntity>();
    public DbSet<LossEntryEntity> LossEntries => Set<LossEntryEntity>();
    public DbSet<ModelEntity> Models => Set<ModelEntity>();
    public DbSet<CollectionModelEntity> CollectionModels => Set<CollectionModelEntity>();
    public DbSet<MemberEvaluationEntity> MemberEvaluations => Set<MemberEvaluationEntity>();
    public DbSet<CheckpointEntity> Checkpoints => Set<CheckpointEntity>();
    public DbSet<MemberFitEntity> MemberFits => Set<MemberFitEntity>();
    public DbSet<AliasEntity> Aliases => Set<AliasEntity>();
    public DbSet<AliasMoveEntity> AliasMoves => Set<AliasMoveEntity>();
    public DbSet<WebhookEntity> Webhooks => Set<WebhookEntity>();
    public DbSet<WebhookDeliveryEntity> WebhookDeliveries => Set<WebhookDeliveryEntity>();
    public DbSet<WebhookAttemptEntity> WebhookAttempts => Set<WebhookAttemptEntity>();
    public DbSet<IdempotencyEntity> IdempotencyRecords => Set<IdempotencyEntity>();
    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();
    public DbSet<TrainingWorkerEntity> TrainingWorkers => Set<TrainingWorkerEntity>();
    public DbSet<RateWindowEntity> RateWindows => Set<RateWindowEntity>();
    public DbSet<StreamLeaseEntity> StreamLeases => Set<StreamLeaseEntity>();
    public DbSet<RetrainingPolicyEntity> RetrainingPolicies => Set<RetrainingPolicyEntity>();
    public DbSet<RetrainingEventEntity> RetrainingEvents => Set<RetrainingEventEntity>();

    // Read by the query filters at every query, so a context always filters for the current caller.
    private bool SeesAll => caller.SeesAll;
    private Guid? CallerId => caller.OwnerId;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampOwners();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampOwners();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Ownership is stamped here rather than by each handler, so no way of creating a series can forget it.
    private void StampOwners()
    {
        foreach (var entry in ChangeTracker.Entries<SeriesEntity>().Where(e => e.State == EntityState.Added))
        {
            entry.Entity.OwnerKeyId = CallerId ?? throw new InvalidOperationException("A series cannot be created without an authenticated caller.");
        }
        foreach (var entry in ChangeTracker.Entries<CollectionEntity>().Where(e => e.State == EntityState.Added))
        {
            entry.Entity.OwnerKeyId = CallerId ?? throw new InvalidOperationException("A collection cannot be created without an authenticated caller.");
        }
    }

    // SQLite keeps no time zone and PostgreSQL's timestamptz takes only UTC: every DateTime is written as UTC and read back marked as UTC.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.ToUniversalTime(),
        stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SeriesEntity>(series =>
        {
            series.Property(s => s.Name).HasMaxLength(200);
            series.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(16);
            series.Property(s => s.FillPolicy).HasConversion<string>().HasMaxLength(16);
            series.HasIndex(s => s.CreatedAt);
            series.HasIndex(s => s.OwnerKeyId);
            series.HasQueryFilter(s => SeesAll || s.OwnerKeyId == CallerId);
            series.Property(s => s.Key).HasMaxLength(200);
            series.HasOne<CollectionEntity>().WithMany().HasForeignKey(s => s.CollectionId).OnDelete(DeleteBehavior.Cascade);
            series.HasIndex(s => new { s.CollectionId, s.Key }).IsUnique();
            series.Property(s => s.Version).HasDefaultValue(1).IsConcurrencyToken();
        });

        modelBuilder.Entity<CollectionEntity>(collection =>
        {
            collection.Property(c => c.Name).HasMaxLength(200);
            collection.Property(c => c.Frequency).HasConversion<string>().HasMaxLength(16);
            collection.Property(c => c.FillPolicy).HasConversion<string>().HasMaxLength(16);
            collection.HasIndex(c => c.CreatedAt);
            collection.HasIndex(c => c.OwnerKeyId);
            collection.HasQueryFilter(c => SeesAll || c.OwnerKeyId == CallerId);
            collection.Property(c => c.Version).HasDefaultValue(1);
        });

        modelBuilder.Entity<TrainingRunEntity>(run =>
        {
            run.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            run.Property(r => r.Hyperparameters).HasConversion(Json<Hyperparameters>());
            run.Property(r => r.Promotion).HasConversion(Json<PromotionRequest?>());
            run.Property(r => r.Backtest).HasConversion(Json<BacktestRequest?>());
            run.HasOne<SeriesEntity>().WithMany().HasForeignKey(r => r.SeriesId).OnDelete(DeleteBehavior.Cascade);
            run.HasOne<CollectionEntity>().WithMany().HasForeignKey(r => r.CollectionId).OnDelete(DeleteBehavior.Cascade);
            run.ToTable(t => t.HasCheckConstraint("CK_TrainingRuns_OneSubject",
                "(\"SeriesId\" IS NULL) <> (\"CollectionId\" IS NULL)"));
            run.HasIndex(r => r.Status);
            run.HasIndex(r => r.OwnerKeyId);
            run.HasQueryFilter(r => SeesAll || r.OwnerKeyId == CallerId);
        });

        modelBuilder.Entity<LossEntryEntity>(loss =>
        {
            loss.HasKey(l => new { l.RunId, l.Epoch });
            loss.HasOne<TrainingRunEntity>().WithMany().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
            loss.HasQueryFilter(l => SeesAll || TrainingRuns.Any(r => r.Id == l.RunId && r.OwnerKeyId == CallerId));
        });

        modelBuilder.Entity<ModelEntity>(model =>
        {
            model.Property(m => m.Artifact).HasConversion(Json<ModelArtifact?>());
            model.Property(m => m.Fit).HasConversion(Json<JsonElement?>());
            model.Property(m => m.Method).HasMaxLength(32);
            model.HasIndex(m => m.Method);
            model.Ignore(m => m.Stored);
            model.Property(m => m.Hyperparameters).HasConversion(Json<Hyperparameters>());
            model.Property(m => m.Evaluation).HasConversion(Json<ModelEvaluation>());
            model.Property(m => m.Backtest).HasConversion(Json<Backtest?>());
            model.HasOne<SeriesEntity>().WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Cascade);
            model.HasIndex(m => m.RunId);
            model.HasQueryFilter(m => SeesAll || Series.Any(s => s.Id == m.SeriesId && s.OwnerKeyId == CallerId));
        });

        modelBuilder.Entity<CollectionModelEntity>(model =>
        {
            model.Property(m => m.Artifact).HasConversion(Json<GlobalModelArtifact?>());
            model.Property(m => m.Method).HasMaxLength(32);
            model.HasIndex(m => m.Method);
            model.Property(m => m.Hyperparameters).HasConversion(Json<Hyperparameters>());
            model.Property(m => m.Accuracy).HasConversion(Json<CollectionAccuracy>());
            model.Property(m => m.Coverage).HasConversion(Json<List<IntervalCoverage>>());
            model.Property(m => m.Backtest).HasConversion(Json<CollectionBacktest?>());
            model.Property(m => m.Validation).HasConversion(Json<List<ValidationScore>?>());
            model.HasOne<CollectionEntity>().WithMany().HasForeignKey(m => m.CollectionId).OnDelete(DeleteBehavior.Cascade);
            model.HasIndex(m => m.RunId);
            model.HasIndex(m => m.OwnerKeyId);
            model.HasQueryFilter(m => SeesAll || m.OwnerKeyId == CallerId);
        });

        modelBuilder.Entity<MemberEvaluationEntity>(member =>
        {
            member.HasKey(m => new { m.ModelId, m.Key });
            member.Property(m => m.Key).HasMaxLength(200);
            member.Property(m => m.Evaluation).HasConversion(Json<EvaluatedMember>());
            member.Property(m => m.Fit).HasConversion(Json<JsonElement?>());
            member.HasOne<CollectionModelEntity>().WithMany().HasForeignKey(m => m.ModelId).OnDelete(DeleteBehavior.Cascade);
            member.HasIndex(m => new { m.ModelId, m.Mase });
            member.HasQueryFilter(m => SeesAll || CollectionModels.Any(c => c.Id == m.ModelId && c.OwnerKeyId == CallerId));
        });

        modelBuilder.Entity<AliasEntity>(alias =>
        {
            alias.HasKey(a => new { a.SubjectId, a.Name });
            alias.Property(a => a.Name).HasMaxLength(AliasName.MaxLength);
            alias.Property(a => a.Version).IsConcurrencyToken();
            alias.HasQueryFilter(a => SeesAll || a.OwnerKeyId == CallerId);
        });

        modelBuilder.Entity<AliasMoveEntity>(move =>
        {
            move.Property(m => m.Name).HasMaxLength(AliasName.MaxLength);
            move.Property(m => m.MovedBy).HasMaxLength(100);
            move.HasIndex(m => new { m.SubjectId, m.Name });
            move.HasQueryFilter(m => SeesAll || m.OwnerKeyId == CallerId);
        });

        modelBuilder.Entity<WebhookEntity>(webhook =>
        {
            webhook.Property(w => w.Url).HasMaxLength(Forecast.Api.Webhooks.WebhookDestinations.MaxUrlLength);
            webhook.Property(w => w.Secret).HasMaxLength(100);
            webhook.HasIndex(w => w.OwnerKeyId);
            webhook.HasQueryFilter(w => SeesAll || w.OwnerKeyId == CallerId);
        });

        modelBuilder.Entity<WebhookDeliveryEntity>(delivery =>
        {
            delivery.Property(d => d.EventType).HasMaxLength(40);
            delivery.HasOne<WebhookEntity>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
            delivery.HasIndex(d => new { d.WebhookId, d.CreatedAt });
            delivery.HasQueryFilter(d => SeesAll || d.OwnerKeyId == CallerId);
        });

        modelBuilder.Entity<WebhookAttemptEntity>(attempt =>
        {
            attempt.Property(a => a.Error).HasMaxLength(1000);
            attempt.HasOne<WebhookDeliveryEntity>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
            attempt.HasQueryFilter(a => SeesAll || WebhookDeliveries.Any(d => d.Id == a.DeliveryId && d.OwnerKeyId == CallerId));
        });

        modelBuilder.Entity<IdempotencyEntity>(record =>
        {
            record.HasKey(r => new { r.Scope, r.Key });
            record.Property(r => r.Scope).HasMaxLength(400);
            record.Property(r => r.Key).HasMaxLength(200);
            record.HasIndex(r => r.CreatedAt);
        });

        modelBuilder.Entity<CheckpointEntity>(checkpoint =>
        {
            checkpoint.HasKey(c => c.RunId);
            checkpoint.Property(c => c.Refit).HasConversion(Json<Forecast.Training.Lstm.RefitCheckpoint?>());
            checkpoint.HasOne<TrainingRunEntity>().WithOne().HasForeignKey<CheckpointEntity>(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
            checkpoint.HasQueryFilter(c => SeesAll || TrainingRuns.Any(r => r.Id == c.RunId && r.OwnerKeyId == CallerId));
        });

        modelBuilder.Entity<MemberFitEntity>(fit =>
        {
            fit.HasKey(f => new { f.RunId, f.Key });
            fit.Property(f => f.Key).HasMaxLength(200);
            fit.Property(f => f.State).HasConversion(Json<JsonElement>());
            fit.HasOne<TrainingRunEntity>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
            fit.HasQueryFilter(f => SeesAll || TrainingRuns.Any(r => r.Id == f.RunId && r.OwnerKeyId == CallerId));
        });

        modelBuilder.Entity<ApiKeyEntity>(key =>
        {
            key.Property(k => k.Name).HasMaxLength(ApiKeyEntity.MaxNameLength);
        });

        modelBuilder.Entity<TrainingWorkerEntity>(worker =>
        {
            worker.Property(w => w.Name).HasMaxLength(300);
        });

        modelBuilder.Entity<RetrainingPolicyEntity>(policy =>
        {
            policy.Property(p => p.Name).HasMaxLength(AliasName.MaxLength);
            policy.Property(p => p.Policy).HasConversion(Json<Forecast.Domain.Retraining.RetrainingPolicy>());
            policy.Property(p => p.PausedReason).HasMaxLength(RetrainingPolicyEntity.MaxReasonLength);
            policy.Property(p => p.Version).IsConcurrencyToken();
            policy.HasOne<SeriesEntity>().WithMany().HasForeignKey(p => p.SeriesId).OnDelete(DeleteBehavior.Cascade);
            policy.HasOne<CollectionEntity>().WithMany().HasForeignKey(p => p.CollectionId).OnDelete(DeleteBehavior.Cascade);
            policy.HasIndex(p => new { p.SeriesId, p.Name }).IsUnique();
            policy.HasIndex(p => new { p.CollectionId, p.Name }).IsUnique();
            policy.ToTable(t => t.HasCheckConstraint("CK_RetrainingPolicies_OneSubject", "(\"SeriesId\" IS NULL) <> (\"CollectionId\" IS NULL)"));
            policy.HasQueryFilter(p => SeesAll || p.OwnerKeyId == CallerId);
        });

        modelBuilder.Entity<RetrainingEventEntity>(retraining =>
        {
            retraining.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
            retraining.Property(e => e.Reason).HasMaxLength(RetrainingPolicyEntity.MaxReasonLength);
            retraining.HasOne<RetrainingPolicyEntity>().WithMany().HasForeignKey(e => e.PolicyId).OnDelete(DeleteBehavior.Cascade);
            retraining.HasIndex(e => new { e.PolicyId, e.Id });
            retraining.HasIndex(e => e.RunId);
            retraining.HasQueryFilter(e => SeesAll || e.OwnerKeyId == CallerId);
        });

        modelBuilder.Entity<RateWindowEntity>(window =>
        {
            window.HasKey(w => new { w.KeyId, w.Policy });
            window.Property(w => w.Policy).HasMaxLength(50);
        });

        modelBuilder.Entity<StreamLeaseEntity>(lease => lease.HasIndex(l => l.KeyId));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    // Value objects that are read and written whole are stored as JSON text, not spread over tables.
    private static ValueConverter<T, string> Json<T>() => new(
        value => JsonSerializer.Serialize(value, JsonOptions),
        text => JsonSerializer.Deserialize<T>(text, JsonOptions)!);
}
