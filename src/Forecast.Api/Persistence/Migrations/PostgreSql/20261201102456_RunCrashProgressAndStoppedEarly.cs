using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RunCrashProgressAndStoppedEarly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CrashCheckpointEpoch",
                table: "TrainingRuns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StoppedEarly",
                table: "Models",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Models stored before this column: early stopping was the only way to train fewer epochs than asked.
            migrationBuilder.Sql("UPDATE \"Models\" SET \"StoppedEarly\" = \"EpochsRun\" < (\"Hyperparameters\"::jsonb ->> 'epochs')::int;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CrashCheckpointEpoch",
                table: "TrainingRuns");

            migrationBuilder.DropColumn(
                name: "StoppedEarly",
                table: "Models");
        }
    }
}
