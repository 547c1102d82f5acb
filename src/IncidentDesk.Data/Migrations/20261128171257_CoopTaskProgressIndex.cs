using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentDesk.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoopTaskProgressIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CoopTasks_CampaignId_CampaignTaskId_Status",
                table: "CoopTasks",
                columns: new[] { "CampaignId", "CampaignTaskId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CoopTasks_CampaignId_CampaignTaskId_Status",
                table: "CoopTasks");
        }
    }
}
