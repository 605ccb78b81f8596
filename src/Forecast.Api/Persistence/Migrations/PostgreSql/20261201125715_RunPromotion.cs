using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RunPromotion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Promotion",
                table: "TrainingRuns",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PromotionOutcome",
                table: "TrainingRuns",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Promotion",
                table: "TrainingRuns");

            migrationBuilder.DropColumn(
                name: "PromotionOutcome",
                table: "TrainingRuns");
        }
    }
}
