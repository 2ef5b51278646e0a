# Groups the execution samples of `jfr print --events jdk.ExecutionSample` by the component of the topmost frame
# that is not the JDK's own (java.*, jdk.*, sun.*): a HashMap lookup counts for whoever called it. Prints the share
# of each component, largest first (pipe through sort -rn).
/jdk\.ExecutionSample/ { if (n) count(); n = 1; k = ""; next }
/line:/ {
    if (k != "") next
    f = $1
    if (f ~ /^org\.postgresql\./) k = "PostgreSQL JDBC driver"
    else if (f ~ /^com\.zaxxer\.hikari/) k = "HikariCP"
    else if (f ~ /^(com\.nimbusds|org\.springframework\.security\.oauth2)/) k = "JWT (Nimbus, Spring OAuth2 resource server)"
    else if (f ~ /^(ch\.qos\.logback|org\.slf4j)/) k = "logging (Logback)"
    else if (f ~ /^(tools\.jackson|com\.fasterxml)/) k = "JSON (Jackson)"
    else if (f ~ /^org\.springframework\.security/) k = "Spring Security (other filters)"
    else if (f ~ /^org\.springframework\.boot\.loader/) k = "Spring Boot nested-jar loader"
    else if (f ~ /^io\.micrometer/) k = "Micrometer (observations, metrics)"
    else if (f ~ /^com\.yarda\./) k = "Yarda code"
    else if (f ~ /^org\.apache\.(catalina|coyote|tomcat)/) k = "Tomcat"
    else if (f ~ /^org\.springframework\.(jdbc|transaction|dao)/) k = "Spring JDBC and transactions"
    else if (f ~ /^org\.springframework/) k = "Spring MVC, AOP and core"
}
END { if (n) count(); for (c in counts) printf "%5.1f %% %s\n", 100 * counts[c] / total, c }
function count() { total++; counts[k == "" ? "JDK only (GC, JIT, thread scheduling)" : k]++ }
