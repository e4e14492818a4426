-- One database per service; each service migrates its own.
CREATE DATABASE orders;
CREATE DATABASE payables;
CREATE DATABASE coa;
CREATE DATABASE qbwc_gateway;
CREATE DATABASE reporting;
