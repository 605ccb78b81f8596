using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class WarmStartOptimizer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "BestOptimizer",
                table: "Checkpoints",
                type: "bytea",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BestOptimizer",
                table: "Checkpoints");
        }
    }
}
