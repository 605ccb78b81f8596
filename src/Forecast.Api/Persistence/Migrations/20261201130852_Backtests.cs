using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Backtests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Backtest",
                table: "TrainingRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Backtest",
                table: "Models",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Backtest",
                table: "TrainingRuns");

            migrationBuilder.DropColumn(
                name: "Backtest",
                table: "Models");
        }
    }
}
