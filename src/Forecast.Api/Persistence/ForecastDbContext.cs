using System.Text.Json;
using Forecast.Domain.Runs;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Forecast.Api.Persistence;

public sealed class ForecastDbContext(DbContextOptions<ForecastDbContext> options) : DbContext(options)
{
    public DbSet<SeriesEntity> Series => Set<SeriesEntity>();
    public DbSet<TrainingRunEntity> TrainingRuns => Set<TrainingRunEntity>();
    public DbSet<LossEntryEntity> LossEntries => Set<LossEntryEntity>();
    public DbSet<ModelEntity> Models => Set<ModelEntity>();
    public DbSet<CheckpointEntity> Checkpoints => Set<CheckpointEntity>();
    public DbSet<IdempotencyEntity> IdempotencyRecords => Set<IdempotencyEntity>();

    // SQLite keeps no time zone: every DateTime is written as UTC and read back marked as UTC.
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
        });

        modelBuilder.Entity<TrainingRunEntity>(run =>
        {
            run.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            run.Property(r => r.Hyperparameters).HasConversion(Json<Hyperparameters>());
            run.HasOne<SeriesEntity>().WithMany().HasForeignKey(r => r.SeriesId).OnDelete(DeleteBehavior.Cascade);
            run.HasIndex(r => r.Status);
        });

        modelBuilder.Entity<LossEntryEntity>(loss =>
        {
            loss.HasKey(l => new { l.RunId, l.Epoch });
            loss.HasOne<TrainingRunEntity>().WithMany().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ModelEntity>(model =>
        {
            model.Property(m => m.Artifact).HasConversion(Json<ModelArtifact>());
            model.Property(m => m.Hyperparameters).HasConversion(Json<Hyperparameters>());
            model.Property(m => m.Evaluation).HasConversion(Json<ModelEvaluation>());
            model.HasOne<SeriesEntity>().WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Cascade);
            model.HasIndex(m => m.RunId);
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
            checkpoint.HasOne<TrainingRunEntity>().WithOne().HasForeignKey<CheckpointEntity>(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    // Value objects that are read and written whole are stored as JSON text, not spread over tables.
    private static ValueConverter<T, string> Json<T>() => new(
        value => JsonSerializer.Serialize(value, JsonOptions),
        text => JsonSerializer.Deserialize<T>(text, JsonOptions)!);
}
