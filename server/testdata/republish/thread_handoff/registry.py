from jobs import crunch
