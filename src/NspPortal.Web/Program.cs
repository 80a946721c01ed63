using NspPortal.Data;
using NspPortal.Web.Arm;
using NspPortal.Web.Components;
using NspPortal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

var database = DatabaseSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(database);
builder.Services.AddDbContext<NspDbContext>(options => options.UseNspDatabase(database));

builder.Services.AddRazorComponents();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<HtmxRequest>();
builder.Services.AddAntiforgery();
builder.Services.AddArmApi(builder.Configuration);

var app = builder.Build();

await DatabaseStartup.InitializeAsync(app);
StartupBanner.Register(app);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

// Browser pages get the "Not found" blade; API paths keep their own (JSON) error bodies.
app.UseWhen(
    context => !PortalPaths.IsApi(context.Request.Path),
    branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseArmErrorBodies();
app.UseHtmxVary();
app.UseRouting(); // after the status-code pages, so a re-executed request is routed again
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>();
app.MapArmApi();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can start the portal with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
