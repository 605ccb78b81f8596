using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SharedCrashBlame : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CrashBlame",
                table: "TrainingRuns",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            // Deaths counted before runs shared the blame were each counted whole.
            migrationBuilder.Sql("UPDATE \"TrainingRuns\" SET \"CrashBlame\" = \"Crashes\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CrashBlame",
                table: "TrainingRuns");
        }
    }
}
