# Build on the SDK image, run on the ASP.NET runtime image (Ubuntu 24.04: its libstdc++ is new
# enough for TorchSharp's native library, so the Debian 12 patch in the build changes nothing there).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props .editorconfig ./
COPY build/ build/
COPY src/ src/
RUN dotnet publish src/Forecast.Api/Forecast.Api.csproj -c Release -r linux-x64 --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Forecast="Data Source=/data/forecast.db"
EXPOSE 8080
VOLUME /data
ENTRYPOINT ["dotnet", "Forecast.Api.dll"]
